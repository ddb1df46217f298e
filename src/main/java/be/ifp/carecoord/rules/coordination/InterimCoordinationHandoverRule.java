package be.ifp.carecoord.rules.coordination;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-CC-03: the case manager's interim coordination (extension {@code interim-coordination} on
 * the episode, a Period) ends no later than the start of any coordinator participant of the
 * person's teams: the case manager hands over when the coordinator starts, never alongside.
 *
 * <p>A coordinator whose period ended before the interim began is not concerned: coordination
 * that failed or stopped is a reason to start case management, and the case manager may then
 * coordinate in the meantime. Teams and episodes entered in error are left out; other statuses
 * count, since a handover is a fact that stays true.
 */
final class InterimCoordinationHandoverRule extends Rule {

  InterimCoordinationHandoverRule() {
    super("IFP-CC-03", "interim-coordination-handover",
        "An episode's interim-coordination period ends no later than the start of any coordinator "
            + "participant of the person's teams.",
        Severities.of("E E E E"),
        "001 L2230–2235; 003 L1272–1280",
        List.of(
            Message.key("interim-after-coordinator-start")
                .en("The interim coordination by the case manager runs until {6}, after coordinator "
                    + "{0} started in team {1} on {2}: the interim coordination ends when the "
                    + "coordinator starts.")
                .nl("De tijdelijke coördinatie door de casemanager loopt tot {6}, na de start van "
                    + "coördinator {0} in team {1} op {2}: de tijdelijke coördinatie eindigt wanneer "
                    + "de coördinator start.")
                .fr("La coordination intérimaire par le case manager dure jusqu'au {6}, après le "
                    + "début du coordinateur {0} dans l'équipe {1} le {2} : la coordination "
                    + "intérimaire prend fin quand le coordinateur commence.")
                .de("Die vorübergehende Koordination durch den Fallmanager läuft bis {6}, nach dem "
                    + "Beginn von Koordinator {0} im Team {1} am {2}: Die vorübergehende "
                    + "Koordination endet, wenn der Gesundheitskoordinator beginnt."),
            Message.key("coordinator-during-interim")
                .en("Coordinator {0} starts on {2}, while the case manager {5} still holds the "
                    + "interim coordination of episode {3} until {6}: the interim coordination ends "
                    + "when the coordinator starts.")
                .nl("Coördinator {0} start op {2}, terwijl casemanager {5} nog tot {6} de "
                    + "tijdelijke coördinatie van episode {3} waarneemt: de tijdelijke coördinatie "
                    + "eindigt wanneer de coördinator start.")
                .fr("Le coordinateur {0} commence le {2}, alors que le case manager {5} assure "
                    + "encore la coordination intérimaire de l'épisode {3} jusqu'au {6} : la "
                    + "coordination intérimaire prend fin quand le coordinateur commence.")
                .de("Koordinator {0} beginnt am {2}, während Fallmanager {5} die vorübergehende "
                    + "Koordination der Episode {3} noch bis {6} wahrnimmt: Die vorübergehende "
                    + "Koordination endet, wenn der Gesundheitskoordinator beginnt.")));
  }

  @Override
  public Set<String> focusTypes() {
    return Set.of("EpisodeOfCare", "CareTeam");
  }

  @Override
  public void check(Resource focus, RuleContext context) {
    String key = focus instanceof CareTeam
        ? "coordinator-during-interim" : "interim-after-coordinator-start";
    Set<String> reported = new HashSet<>();
    for (CoordinatorAndCaseManager pair : CoordinatorAndCaseManager.around(focus, context.record())) {
      List<Extension> extensions = pair.episode().getExtension();
      for (int i = 0; i < extensions.size(); i++) {
        Extension extension = extensions.get(i);
        if (IfpData.INTERIM_COORDINATION.equals(extension.getUrl())
            && extension.getValue() instanceof Period interim
            && overlaps(interim, pair.coordinatorPeriod())) {
          String expression = pair.expression(focus, "EpisodeOfCare.extension[" + i + "]");
          if (reported.add(expression)) {
            context.report(key, expression, withInterimEnd(pair.arguments(), interim));
          }
        }
      }
    }
  }

  /**
   * Whether the interim coordination fails to end by the coordinator's start, for a coordinator
   * who was not already gone before it began.
   */
  private static boolean overlaps(Period interim, Period coordinator) {
    return !Periods.endsBeforeStartOf(interim, coordinator)
        && !Periods.endsBeforeStartOf(coordinator, interim);
  }

  /** The shared arguments and {6}, the interim's end. */
  private static Object[] withInterimEnd(Object[] arguments, Period interim) {
    Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
    all[arguments.length] = CoordinatorAndCaseManager.end(interim);
    return all;
  }
}
