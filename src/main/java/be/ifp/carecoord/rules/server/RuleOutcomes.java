package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleCatalogue;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * A finding as an OperationOutcome issue (rules.md, "Reporting"): {@code details.coding} is the
 * rule, {@code details.text} the message in the client's language, {@code expression} the
 * offending element, {@code diagnostics} the English text with the rule's source.
 */
final class RuleOutcomes {

  private RuleOutcomes() {}

  /**
   * Adds the finding to {@code outcome}.
   *
   * @param entryPath where the finding's resource sits in the request Bundle
   *     ({@code Bundle.entry[3].resource}), or null when the request is not a Bundle
   */
  static void addIssue(OperationOutcome outcome, Finding finding, Language language, String entryPath) {
    OperationOutcomeIssueComponent issue = outcome.addIssue()
        .setSeverity(finding.isError() ? IssueSeverity.ERROR : IssueSeverity.WARNING)
        .setCode(IssueType.BUSINESSRULE)
        .setDetails(new CodeableConcept()
            .setText(finding.text(language))
            .addCoding(new org.hl7.fhir.r4.model.Coding(
                RuleCatalogue.SYSTEM, finding.rule().id(), finding.rule().name())))
        .setDiagnostics(finding.text(Language.EN)
            + " [" + finding.rule().id() + " " + finding.rule().name()
            + "; " + finding.resource() + "; entity " + finding.entity()
            + "; source: " + finding.rule().source() + "]");
    if (finding.expression() != null) {
      issue.addExpression(inEntry(finding.expression(), entryPath));
    }
  }

  /** {@code CareTeam.participant[2]} in entry 3 is {@code Bundle.entry[3].resource.participant[2]}. */
  static String inEntry(String expression, String entryPath) {
    if (entryPath == null) {
      return expression;
    }
    int firstDot = expression.indexOf('.');
    return firstDot < 0 ? entryPath : entryPath + expression.substring(firstDot);
  }
}
