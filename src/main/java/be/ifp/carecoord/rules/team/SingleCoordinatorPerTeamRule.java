package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-TM-03: a team has one coordinator at a time. Two coordinator participants whose periods
 * overlap (a missing period is open) are reported on the later one in the list; only a warning in
 * Wallonia, where coordination tasks may be split.
 */
final class SingleCoordinatorPerTeamRule extends Rule {

  SingleCoordinatorPerTeamRule() {
    super("IFP-TM-03", "single-coordinator-per-team",
        "No two coordinator participants of one team have overlapping periods.",
        Severities.of("E W E E"),
        "001 L1492, L1494–1505 (WAL may split tasks)",
        List.of(Message.key("coordinators-overlap")
            .en("The coordinator {0} ({1}) overlaps in time with the coordinator {2} ({3}) listed earlier in the team: a team has one care and welfare coordinator at a time.")
            .nl("De coördinator {0} ({1}) overlapt in de tijd met de eerder vermelde coördinator {2} ({3}) van het team: een team heeft één zorg- en welzijnscoördinator tegelijk.")
            .fr("Le coordinateur {0} ({1}) chevauche dans le temps le coordinateur {2} ({3}) mentionné plus haut dans l'équipe : une équipe a un seul coordinateur de l'aide et des soins à la fois.")
            .de("Der Koordinator {0} ({1}) überschneidet sich zeitlich mit dem weiter oben genannten Koordinator {2} ({3}) des Teams: Ein Team hat jeweils nur einen Pflege- und Sozialkoordinator.")));
  }

  @Override
  public Set<String> focusTypes() {
    return Set.of("CareTeam");
  }

  @Override
  public void check(Resource focus, RuleContext context) {
    CareTeam team = (CareTeam) focus;
    if (Participants.isWithdrawn(team)) {
      return;
    }
    List<CareTeamParticipantComponent> participants = team.getParticipant();
    for (int later = 1; later < participants.size(); later++) {
      CareTeamParticipantComponent second = participants.get(later);
      if (!IfpData.isCoordinator(second)) {
        continue;
      }
      for (int earlier = 0; earlier < later; earlier++) {
        CareTeamParticipantComponent first = participants.get(earlier);
        if (IfpData.isCoordinator(first)
            && Periods.overlap(Participants.period(first), Participants.period(second))) {
          context.report("coordinators-overlap", Participants.expression(later),
              Participants.member(second), Participants.describe(Participants.period(second)),
              Participants.member(first), Participants.describe(Participants.period(first)));
          break;
        }
      }
    }
  }
}
