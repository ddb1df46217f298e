package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;

/**
 * Refuses a Subscription this server would never notify: one of another channel type than
 * rest-hook (HAPI stores one and leaves it {@code requested} for ever), one on a type whose
 * changes are offered to no subscription ({@link SubscribableChangesMatcher}), or one whose
 * endpoint is not on the allow-list ({@link EndpointAllowList}). A platform would wait for those
 * notifications in vain; a 422 tells it at once.
 */
@Interceptor
class ServableSubscriptions implements StorageInterceptor {

  private final Set<String> unsubscribableTypes;
  private final EndpointAllowList allowList;

  ServableSubscriptions(Set<String> unsubscribableTypes, EndpointAllowList allowList) {
    this.unsubscribableTypes = Set.copyOf(unsubscribableTypes);
    this.allowList = allowList;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    refuseUnservable(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    refuseUnservable(resource);
  }

  private void refuseUnservable(IBaseResource resource) {
    if (!(resource instanceof Subscription subscription)) {
      return;
    }
    if (subscription.getChannel().getType() != SubscriptionChannelType.RESTHOOK) {
      throw unprocessable(
          "Subscription.channel.type must be rest-hook: this server delivers no other channel",
          "Subscription.channel.type");
    }
    String criteria = subscription.getCriteria() == null ? "" : subscription.getCriteria().strip();
    String type = criteria.contains("?") ? criteria.substring(0, criteria.indexOf('?')) : criteria;
    if (unsubscribableTypes.contains(type)) {
      throw unprocessable(
          "Subscription.criteria names " + type + ", whose changes this server offers to no subscription",
          "Subscription.criteria");
    }
    if (!allowList.allows(subscription.getChannel().getEndpoint())) {
      throw unprocessable("Subscription.channel.endpoint is not among the endpoints this server sends to ("
          + EndpointAllowList.KEY + ")", "Subscription.channel.endpoint");
    }
  }

  private static UnprocessableEntityException unprocessable(String message, String expression) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTSUPPORTED)
        .setDiagnostics(message).addExpression(expression);
    return new UnprocessableEntityException(message, outcome);
  }
}
