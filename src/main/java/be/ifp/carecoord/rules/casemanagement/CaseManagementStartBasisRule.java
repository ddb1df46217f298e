package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;

/**
 * IFP-CM-06: a case-management episode says what its start rests on: {@code start-basis}
 * references an assessment (an Observation such as a {@code belrai-assessment} panel) or a
 * conditions checklist (a QuestionnaireResponse).
 */
final class CaseManagementStartBasisRule extends CaseManagementRule {

  private static final Set<String> BASIS_TYPES = Set.of("Observation", "QuestionnaireResponse");

  CaseManagementStartBasisRule() {
    super("IFP-CM-06", "case-management-start-basis",
        "start-basis references the basis for starting (an assessment such as belrai-assessment, or a conditions checklist).",
        Severities.of("E W – W"),
        "001 L1532–1534, L1536–1543, L1552–1557",
        List.of(
            Message.key("no-start-basis")
                .en("The case-management episode does not say what its start rests on: reference the assessment (e.g. BelRAI) or the conditions checklist in start-basis.")
                .nl("De casemanagement-episode vermeldt niet waarop de start steunt: verwijs in start-basis naar de assessment (bv. BelRAI) of de checklist van voorwaarden.")
                .fr("L'épisode de case management n'indique pas sur quoi repose son démarrage : référencez dans start-basis l'évaluation (p. ex. BelRAI) ou la liste de conditions.")
                .de("Die Case-Management-Episode gibt nicht an, worauf ihr Beginn beruht: Verweisen Sie in start-basis auf das Assessment (z. B. BelRAI) oder die Checkliste der Voraussetzungen."),
            Message.key("start-basis-not-assessment")
                .en("The start basis {0} is a {1}, not an assessment (Observation) or a conditions checklist (QuestionnaireResponse).")
                .nl("De basis voor de start {0} is een {1}, geen assessment (Observation) of checklist van voorwaarden (QuestionnaireResponse).")
                .fr("La base du démarrage {0} est un {1}, et non une évaluation (Observation) ou une liste de conditions (QuestionnaireResponse).")
                .de("Die Grundlage des Beginns {0} ist ein {1}, kein Assessment (Observation) und keine Checkliste der Voraussetzungen (QuestionnaireResponse).")));
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    Optional<Reference> basis = IfpData.extension(episode, IfpData.START_BASIS)
        .filter(Reference.class::isInstance)
        .map(Reference.class::cast);
    if (basis.isEmpty()) {
      context.report("no-start-basis", Episodes.EXTENSION);
      return;
    }
    Optional<String> type = Episodes.typeOf(basis.get(), context.record());
    if (type.isPresent() && !BASIS_TYPES.contains(type.get())) {
      context.report("start-basis-not-assessment",
          Episodes.extensionPath(episode, IfpData.START_BASIS),
          Optional.ofNullable(References.of(basis.get()))
              .orElse(basis.get().hasDisplay() ? basis.get().getDisplay() : "–"),
          type.get());
    }
  }
}
