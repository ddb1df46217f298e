package be.ifp.carecoord.belrai;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;

/**
 * An import refused before anything is written: 400 when the request cannot be read (malformed
 * JSON, a missing field, a malformed date), otherwise 422; the OperationOutcome has one error
 * issue per problem, naming its field in {@code expression} and {@code diagnostics}.
 */
final class ImportRefused extends BaseServerResponseException {

  private static final long serialVersionUID = 1L;

  ImportRefused(List<Problem> problems) {
    super(status(problems), summary(problems), outcome(problems));
  }

  private static int status(List<Problem> problems) {
    return problems.stream().mapToInt(problem -> problem.kind().status).min()
        .orElseThrow(() -> new IllegalArgumentException("An import is refused for at least one problem"));
  }

  private static String summary(List<Problem> problems) {
    return "BelRAI import refused: " + String.join("; ", problems.stream().map(ImportRefused::text).toList());
  }

  private static String text(Problem problem) {
    return problem.field() + ": " + problem.message();
  }

  private static OperationOutcome outcome(List<Problem> problems) {
    OperationOutcome outcome = new OperationOutcome();
    for (Problem problem : problems) {
      outcome.addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(problem.kind().issueType)
          .setDiagnostics(text(problem))
          .addExpression(problem.field());
    }
    return outcome;
  }
}
