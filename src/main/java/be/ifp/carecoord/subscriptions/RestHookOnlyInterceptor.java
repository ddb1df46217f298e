package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;

/**
 * Refuses a Subscription of any other channel type than rest-hook. HAPI stores one and leaves
 * it {@code requested} for ever, so that a platform asking for email or websocket notifications
 * would wait for them in vain; a 422 tells it at once.
 */
@Interceptor
class RestHookOnlyInterceptor implements StorageInterceptor {

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    refuseOtherChannels(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    refuseOtherChannels(resource);
  }

  private static void refuseOtherChannels(IBaseResource resource) {
    if (resource instanceof Subscription subscription
        && subscription.getChannel().getType() != SubscriptionChannelType.RESTHOOK) {
      String message = "Subscription.channel.type must be rest-hook: this server delivers no other channel";
      OperationOutcome outcome = new OperationOutcome();
      outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTSUPPORTED)
          .setDiagnostics(message).addExpression("Subscription.channel.type");
      throw new UnprocessableEntityException(message, outcome);
    }
  }
}
