package be.ifp.carecoord.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Writes an OperationOutcome for requests refused before they reach the FHIR servlet, so that
 * clients see the same kind of error body everywhere.
 */
public final class FhirErrorResponses {

  private FhirErrorResponses() {}

  public static void write(
      FhirContext fhirContext,
      HttpServletResponse response,
      int status,
      IssueType type,
      String message)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
    byte[] body =
        fhirContext.newJsonParser().encodeResourceToString(outcome)
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(Constants.CT_FHIR_JSON_NEW + ";charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
