package be.ifp.carecoord.subscriptions;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A Subscription this server cannot serve: a 422 naming the element at fault. */
final class SubscriptionRefusal {

  private SubscriptionRefusal() {}

  static UnprocessableEntityException unprocessable(String message, String expression) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTSUPPORTED)
        .setDiagnostics(message).addExpression(expression);
    return new UnprocessableEntityException(message, outcome);
  }
}
