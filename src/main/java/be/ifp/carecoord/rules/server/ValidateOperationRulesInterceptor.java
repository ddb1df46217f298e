package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.server.RequestBodies;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Adds the IFP rules' findings to the answer of {@code $validate}, so that it reports what a
 * write would (rules.md, "Reporting"), without storing anything. A Bundle is judged as a
 * transaction: its entries see each other.
 */
@Interceptor
class ValidateOperationRulesInterceptor implements RestServerInterceptor {

  private final FhirContext fhirContext;
  private final RuleChecks checks;

  ValidateOperationRulesInterceptor(FhirContext fhirContext, RuleChecks checks) {
    this.fhirContext = fhirContext;
    this.checks = checks;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean addRuleFindings(RequestDetails request, ResponseDetails response) {
    if (!Constants.EXTOP_VALIDATE.equals(request.getOperation())
        || !(response.getResponseResource() instanceof OperationOutcome outcome)
        || "delete".equals(firstValue(request, Constants.EXTOP_VALIDATE_MODE))) {
      return true;
    }
    Resource subject = RequestBodies.operationSubject(fhirContext, request);
    if (subject == null) {
      return true;
    }
    Bundle bundle = subject instanceof Bundle b ? b : null;
    List<Resource> resources = new ArrayList<>();
    if (bundle != null) {
      bundle.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
          .forEach(entry -> resources.add(withFullUrlAsId(entry)));
    } else {
      resources.add(subject);
    }
    List<Finding> findings = checks.ifWritten(resources);
    if (!findings.isEmpty()) {
      outcome.getIssue().removeIf(ValidateOperationRulesInterceptor::isAllIsWell);
      checks.report(outcome, findings, request, bundle);
    }
    return true;
  }

  /** An entry without an id is known by its fullUrl, so that references between entries resolve. */
  private static Resource withFullUrlAsId(Bundle.BundleEntryComponent entry) {
    Resource resource = entry.getResource();
    if (!resource.getIdElement().hasIdPart() && entry.hasFullUrl()) {
      resource.setId(entry.getFullUrl());
    }
    return resource;
  }

  /** HAPI's "no issues detected" line, which is no longer true once a rule has found something. */
  private static boolean isAllIsWell(OperationOutcome.OperationOutcomeIssueComponent issue) {
    return issue.getSeverity() == OperationOutcome.IssueSeverity.INFORMATION
        && issue.getCode() == OperationOutcome.IssueType.INFORMATIONAL;
  }

  private static String firstValue(RequestDetails request, String name) {
    String[] values = request.getParameters().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }
}
