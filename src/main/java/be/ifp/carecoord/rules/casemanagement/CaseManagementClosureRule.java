package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;

/** IFP-CM-08: a finished case-management episode has an end date and a reason for ending ({@code cm-end-reason}). */
final class CaseManagementClosureRule extends CaseManagementRule {

  CaseManagementClosureRule() {
    super("IFP-CM-08", "case-management-closure",
        "A finished episode has period.end and a cm-end-reason.",
        Severities.of("E E E E"),
        "001 L2267–2268, L2322–2327",
        List.of(
            Message.key("finished-without-end")
                .en("The case-management episode is finished but has no end date.")
                .nl("De casemanagement-episode is afgesloten maar heeft geen einddatum.")
                .fr("L'épisode de case management est terminé mais n'a pas de date de fin.")
                .de("Die Case-Management-Episode ist abgeschlossen, hat aber kein Enddatum."),
            Message.key("finished-without-end-reason")
                .en("The case-management episode is finished but gives no reason for ending (cm-end-reason), such as a stabilised situation handed over or goals achieved.")
                .nl("De casemanagement-episode is afgesloten maar vermeldt geen reden van beëindiging (cm-end-reason), zoals een gestabiliseerde en overgedragen situatie of bereikte doelen.")
                .fr("L'épisode de case management est terminé mais n'indique aucun motif de fin (cm-end-reason), comme une situation stabilisée et transmise ou des objectifs atteints.")
                .de("Die Case-Management-Episode ist abgeschlossen, nennt aber keinen Grund für das Ende (cm-end-reason), etwa eine stabilisierte und übergebene Situation oder erreichte Ziele.")));
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    if (episode.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.FINISHED) {
      return;
    }
    Period period = Episodes.period(episode);
    if (period == null || !period.hasEnd()) {
      context.report("finished-without-end", Episodes.PERIOD_END);
    }
    if (IfpData.extensions(episode, IfpData.CM_END_REASON).isEmpty()) {
      context.report("finished-without-end-reason", Episodes.EXTENSION);
    }
  }
}
