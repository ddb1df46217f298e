package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Returns the rule warnings of a write that was stored: in the OperationOutcome of the response
 * ({@code Prefer: return=OperationOutcome}), or for a Bundle in the outcome of the entry the
 * warning is about. A response that is the stored resource itself has no place for them.
 */
@Interceptor
class RuleWarningsResponder implements RestServerInterceptor {

  private final RuleChecks checks;

  RuleWarningsResponder(RuleChecks checks) {
    this.checks = checks;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean addWarnings(RequestDetails request, ResponseDetails response) {
    @SuppressWarnings("unchecked")
    List<Finding> warnings = (List<Finding>) request.getUserData().get(RuleEnforcingInterceptor.WARNINGS);
    if (warnings == null || warnings.isEmpty()) {
      return true;
    }
    if (response.getResponseResource() instanceof OperationOutcome outcome) {
      checks.report(outcome, warnings, request);
    } else if (response.getResponseResource() instanceof Bundle bundle) {
      addToEntries(bundle, warnings, request);
    }
    return true;
  }

  private void addToEntries(Bundle responseBundle, List<Finding> warnings, RequestDetails request) {
    for (Finding warning : warnings) {
      for (Bundle.BundleEntryComponent entry : responseBundle.getEntry()) {
        String location = entry.getResponse().getLocation();
        if (location != null && (location.equals(warning.resource()) || location.startsWith(warning.resource() + "/"))) {
          if (!(entry.getResponse().getOutcome() instanceof OperationOutcome)) {
            entry.getResponse().setOutcome(new OperationOutcome());
          }
          checks.report((OperationOutcome) entry.getResponse().getOutcome(), List.of(warning), request);
        }
      }
    }
  }
}
