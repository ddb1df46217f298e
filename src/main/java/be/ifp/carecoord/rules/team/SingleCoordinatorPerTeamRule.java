package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;

/**
 * IFP-TM-03: a team has one coordinator at a time. Two coordinator participants whose periods
 * overlap (a missing period is open) are reported on the later one in the list; only a warning in
 * Wallonia, where coordination tasks may be split.
 */
final class SingleCoordinatorPerTeamRule extends TeamRule {

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

  /** The team's own coordinators clash whatever its status; only withdrawn data is left alone. */
  @Override
  boolean appliesToTeam(CareTeam team) {
    return !isWithdrawn(team);
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    List<Participant> coordinators = Participant.coordinatorsOf(team);
    for (int later = 1; later < coordinators.size(); later++) {
      Participant second = coordinators.get(later);
      coordinators.subList(0, later).stream()
          .filter(first -> Periods.overlap(first.period(), second.period()))
          .findFirst()
          .ifPresent(first -> context.report("coordinators-overlap", second.expression(),
              second.member(), second.describePeriod(), first.member(), first.describePeriod()));
    }
  }
}
