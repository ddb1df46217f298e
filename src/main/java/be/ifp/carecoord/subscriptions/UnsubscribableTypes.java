package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.util.Set;

/**
 * Resource types whose changes are never offered to subscriptions ({@code
 * ifp.subscriptions.unsubscribable-types}, by default the audit trail). HAPI otherwise queues every
 * change in the write's transaction and reads it back for matching, whether or not anyone
 * subscribed to its type; for the AuditEvent of every read that was more work than storing the
 * event itself. Subscriptions on these types are refused ({@link ServableSubscriptions}).
 */
@Interceptor
class UnsubscribableTypes implements StorageInterceptor {

  private final Set<String> types;
  private final FhirContext fhirContext;

  UnsubscribableTypes(Set<String> types, FhirContext fhirContext) {
    this.types = Set.copyOf(types);
    this.fhirContext = fhirContext;
  }

  /** Returning false ends HAPI's subscription processing of this change. */
  @Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
  public boolean offered(ResourceModifiedMessage change) {
    return !types.contains(change.getResourceType(fhirContext));
  }
}
