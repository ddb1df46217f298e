package be.ifp.carecoord.subscriptions;

import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's subscription matcher, except that changes of the unsubscribable types ({@code
 * ifp.subscriptions.unsubscribable-types}, by default the audit trail) are never offered to
 * subscriptions. HAPI turns every change into a message, with the resource encoded as JSON, queues
 * it in the write's transaction and reads it back for matching, whether or not anyone subscribed
 * to its type; for the AuditEvent of every read that was more work than storing the event, and
 * building the message alone was a tenth of it, so these changes are dropped before it is built.
 * Subscriptions on these types are refused ({@link ServableSubscriptions}).
 */
class SubscribableChangesMatcher extends SubscriptionMatcherInterceptor {

  private final Set<String> unsubscribable;

  SubscribableChangesMatcher(Set<String> unsubscribable) {
    this.unsubscribable = Set.copyOf(unsubscribable);
  }

  @Override
  protected void processResourceModifiedEvent(IBaseResource resource, OperationTypeEnum operation,
      RequestDetails request) {
    if (offered(resource)) {
      super.processResourceModifiedEvent(resource, operation, request);
    }
  }

  boolean offered(IBaseResource resource) {
    return !unsubscribable.contains(resource.fhirType());
  }
}
