package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Each rest-hook notification, as HAPI sends it: not sent when the endpoint is no longer on the
 * allow-list (the list may have shrunk since the Subscription was stored, or it was stored while
 * subscriptions were off), and, once the platform accepted it, published as a
 * {@link NotificationDelivered} for the audit trail.
 */
@Interceptor
class RestHookDeliveries implements StorageInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RestHookDeliveries.class);

  private final EndpointAllowList allowList;
  private final FhirContext fhirContext;
  private final ApplicationEventPublisher events;

  RestHookDeliveries(EndpointAllowList allowList, FhirContext fhirContext, ApplicationEventPublisher events) {
    this.allowList = allowList;
    this.fhirContext = fhirContext;
    this.events = events;
  }

  @Hook(Pointcut.SUBSCRIPTION_BEFORE_REST_HOOK_DELIVERY)
  public boolean beforeDelivery(CanonicalSubscription subscription, ResourceDeliveryMessage message) {
    if (allowList.allows(subscription.getEndpointUrl())) {
      return true;
    }
    LOG.warn("Not delivered: the endpoint of {} is not in {}", subscription.getIdElementString(),
        EndpointAllowList.KEY);
    return false;
  }

  @Hook(Pointcut.SUBSCRIPTION_AFTER_REST_HOOK_DELIVERY)
  public void delivered(CanonicalSubscription subscription, ResourceDeliveryMessage message) {
    IBaseResource resource = message.getPayload(fhirContext);
    if (resource == null) {
      return;
    }
    String owner = subscription.getTags().getOrDefault(SubscriptionOwner.SYSTEM, "");
    String id = SubscriptionAccess.TYPE + "/" + subscription.getIdPart();
    events.publishEvent(new NotificationDelivered(owner, id, resource));
  }
}
