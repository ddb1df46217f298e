package be.ifp.carecoord.rules.coordination;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-CC-01: for one person, the coordinator and the case manager are different individuals,
 * as the entity of the team or episode checked (the focus) reads it:
 *
 * <ul>
 *   <li>VL: never, whatever the periods or statuses (only what was entered in error is left out);
 *   <li>WAL: not in overlapping periods, for an active team and an active (or waiting, on hold)
 *       episode;
 *   <li>BXL: as WAL, and the only allowed sequence is case manager → coordinator: whoever was
 *       coordinator of the person may not become their case manager later (whatever the
 *       statuses), which also rules out going back and forth;
 *   <li>DG: allowed (severity off); an operator who turns it on gets the WAL reading.
 * </ul>
 *
 * <p>Looks from both sides: a team's coordinators against the careManagers of the person's
 * case-management episodes, and an episode's careManager against the coordinators of the
 * person's teams.
 */
final class CoordinatorNotCaseManagerRule extends Rule {

  /** Where a finding on an episode goes. */
  private static final String ON_EPISODE = "EpisodeOfCare.careManager";

  CoordinatorNotCaseManagerRule() {
    super("IFP-CC-01", "coordinator-not-case-manager",
        "For one person, coordinator and case manager are different individuals. VL: never, "
            + "whatever the periods. WAL: not in overlapping periods. BXL: not in overlapping "
            + "periods, and the only allowed sequence is one case manager → coordinator transition "
            + "(never coordinator → case manager, never back and forth). DG: allowed.",
        Severities.of("E E E –"),
        "001 L1596–1623; 003 L1563–1578",
        List.of(
            Message.key("same-individual")
                .en("Coordinator {0} in team {1} (from {2}) and case manager {5} in episode {3} "
                    + "(from {4}) are the same individual: for one person, coordinator and case "
                    + "manager are never the same individual, whatever the periods.")
                .nl("Coördinator {0} in team {1} (vanaf {2}) en casemanager {5} in episode {3} "
                    + "(vanaf {4}) zijn dezelfde persoon: voor eenzelfde persoon zijn coördinator en "
                    + "casemanager nooit dezelfde persoon, ongeacht de periodes.")
                .fr("Le coordinateur {0} dans l'équipe {1} (à partir du {2}) et le case manager {5} "
                    + "dans l'épisode {3} (à partir du {4}) sont la même personne : pour une même "
                    + "personne, le coordinateur et le case manager ne sont jamais la même personne, "
                    + "quelles que soient les périodes.")
                .de("Koordinator {0} im Team {1} (ab {2}) und Fallmanager {5} in Episode {3} (ab {4}) "
                    + "sind dieselbe Person: Für dieselbe Person sind Gesundheitskoordinator und "
                    + "Fallmanager nie dieselbe Person, unabhängig von den Zeiträumen."),
            Message.key("same-individual-overlapping")
                .en("Coordinator {0} in team {1} (from {2}) and case manager {5} in episode {3} "
                    + "(from {4}) are the same individual in overlapping periods: coordinator and "
                    + "case manager of one person are different individuals at any one time.")
                .nl("Coördinator {0} in team {1} (vanaf {2}) en casemanager {5} in episode {3} "
                    + "(vanaf {4}) zijn dezelfde persoon in overlappende periodes: coördinator en "
                    + "casemanager van eenzelfde persoon zijn op elk moment verschillende personen.")
                .fr("Le coordinateur {0} dans l'équipe {1} (à partir du {2}) et le case manager {5} "
                    + "dans l'épisode {3} (à partir du {4}) sont la même personne pendant des "
                    + "périodes qui se chevauchent : le coordinateur et le case manager d'une même "
                    + "personne sont à tout moment des personnes différentes.")
                .de("Koordinator {0} im Team {1} (ab {2}) und Fallmanager {5} in Episode {3} (ab {4}) "
                    + "sind in sich überschneidenden Zeiträumen dieselbe Person: "
                    + "Gesundheitskoordinator und Fallmanager derselben Person sind jederzeit "
                    + "verschiedene Personen."),
            Message.key("coordinator-before-case-manager")
                .en("Coordinator {0} in team {1} (from {2}) becomes case manager {5} in episode {3} "
                    + "later (from {4}): the only allowed sequence is case manager first, then "
                    + "coordinator, never coordinator → case manager nor back and forth.")
                .nl("Coördinator {0} in team {1} (vanaf {2}) wordt later casemanager {5} in episode "
                    + "{3} (vanaf {4}): alleen de volgorde eerst casemanager, dan coördinator is "
                    + "toegestaan, nooit coördinator → casemanager of heen en weer.")
                .fr("Le coordinateur {0} dans l'équipe {1} (à partir du {2}) devient plus tard case "
                    + "manager {5} dans l'épisode {3} (à partir du {4}) : seule la séquence d'abord "
                    + "case manager, ensuite coordinateur est permise, jamais coordinateur → case "
                    + "manager ni d'allers-retours.")
                .de("Koordinator {0} im Team {1} (ab {2}) wird später Fallmanager {5} in Episode {3} "
                    + "(ab {4}): Erlaubt ist nur die Reihenfolge erst Fallmanager, dann "
                    + "Gesundheitskoordinator, nie Koordinator → Fallmanager oder hin und her.")));
  }

  @Override
  public Set<String> focusTypes() {
    return Set.of("CareTeam", "EpisodeOfCare");
  }

  @Override
  public void check(Resource focus, RuleContext context) {
    Individuals individuals = context.individuals();
    List<CoordinatorAndCaseManager> violations =
        CoordinatorAndCaseManager.around(focus, context.record()).stream()
            .filter(pair -> violation(context.entity(), pair) != null)
            .filter(pair -> pair.sameIndividual(individuals))
            .toList();
    for (CoordinatorAndCaseManager pair : CoordinatorAndCaseManager.onePerElement(
        violations, p -> p.expression(focus, ON_EPISODE))) {
      context.report(violation(context.entity(), pair), pair.expression(focus, ON_EPISODE),
          pair.arguments());
    }
  }

  /** The message key for a pair of the same individual under the entity's reading, or null. */
  private static String violation(Entity entity, CoordinatorAndCaseManager pair) {
    return switch (entity) {
      case VL -> "same-individual";
      case BXL -> coordinatorFirst(pair) ? "coordinator-before-case-manager" : overlapping(pair);
      default -> overlapping(pair);
    };
  }

  private static String overlapping(CoordinatorAndCaseManager pair) {
    return pair.inForce() && pair.overlap() ? "same-individual-overlapping" : null;
  }

  /** Whether the coordinator role started before the case management (both starts known). */
  private static boolean coordinatorFirst(CoordinatorAndCaseManager pair) {
    return pair.coordinatorPeriod().hasStart() && pair.episode().getPeriod().hasStart()
        && Periods.start(pair.coordinatorPeriod()) < Periods.start(pair.episode().getPeriod());
  }
}
