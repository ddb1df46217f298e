package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/** IFP-CM-04: a case-management episode says why it started (at least one {@code cm-start-reason}). */
final class CaseManagementStartReasonRule extends CaseManagementRule {

  CaseManagementStartReasonRule() {
    super("IFP-CM-04", "case-management-start-reason",
        "At least one cm-start-reason.",
        Severities.of("E E E E"),
        "001 L2289–2309",
        List.of(Message.key("no-start-reason")
            .en("The case-management episode gives no reason for starting (cm-start-reason), such as an unstable or complex situation or failed coordination.")
            .nl("De casemanagement-episode vermeldt geen reden om te starten (cm-start-reason), zoals een instabiele of complexe situatie of mislukte coördinatie.")
            .fr("L'épisode de case management n'indique aucun motif de démarrage (cm-start-reason), comme une situation instable ou complexe ou une coordination qui a échoué.")
            .de("Die Case-Management-Episode nennt keinen Grund für den Beginn (cm-start-reason), etwa eine instabile oder komplexe Situation oder eine gescheiterte Koordination.")));
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    if (IfpData.extensions(episode, IfpData.CM_START_REASON).isEmpty()) {
      context.report("no-start-reason", Episodes.EXTENSION);
    }
  }
}
