package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/**
 * IFP-CM-01: a person has one case manager at a time, so no two of their case-management episodes
 * in an active status (active, waitlist, onhold) have overlapping periods.
 */
final class OneCaseManagerPerPersonRule extends CaseManagementRule {

  OneCaseManagerPerPersonRule() {
    super("IFP-CM-01", "one-case-manager-per-person",
        "A person has no two case-management episodes in active statuses with overlapping periods.",
        Severities.of("E E E E"),
        "001 L1349–1350, L1374",
        List.of(Message.key("overlapping-episode")
            .en("The person {0} already has case-management episode {1} (status {2}, from {3}) in a period that overlaps this one: a person has only one case manager at a time.")
            .nl("De persoon {0} heeft al casemanagement-episode {1} (status {2}, vanaf {3}) in een periode die met deze overlapt: een persoon heeft maar één casemanager tegelijk.")
            .fr("La personne {0} a déjà l'épisode de case management {1} (statut {2}, depuis le {3}) sur une période qui chevauche celle-ci : une personne n'a qu'un seul case manager à la fois.")
            .de("Die Person {0} hat bereits die Case-Management-Episode {1} (Status {2}, ab {3}) in einem Zeitraum, der sich mit diesem überschneidet: Eine Person hat jeweils nur einen Case Manager.")));
  }

  @Override
  public boolean isCardinalityRule() {
    return true;
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    String patient = Episodes.patient(episode);
    if (patient == null || !IfpData.isActive(episode)) {
      return;
    }
    for (EpisodeOfCare other : context.record().episodesOf(patient)) {
      if (isTheEpisodeItself(other, episode)
          || !IfpData.isCaseManagement(other) || !IfpData.isActive(other)) {
        continue;
      }
      if (Periods.overlap(Episodes.period(episode), Episodes.period(other))) {
        context.report("overlapping-episode", Episodes.PERIOD, patient, References.of(other),
            other.getStatus().toCode(), Episodes.start(other).map(Episodes::text).orElse("?"));
      }
    }
  }

  /** The record may hold the episode being written, as the same object or as its stored version. */
  private static boolean isTheEpisodeItself(EpisodeOfCare other, EpisodeOfCare episode) {
    return other == episode || (episode.getIdElement().hasIdPart()
        && References.of(other).equals(References.of(episode)));
  }
}
