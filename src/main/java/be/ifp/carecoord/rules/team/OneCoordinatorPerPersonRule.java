package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CareTeam;

/**
 * IFP-TM-04: a person has one care and welfare coordinator at a time, over all their active
 * teams. Only coordinators of <em>different</em> teams are compared here: two overlapping
 * coordinators within one team are IFP-TM-03's business. A cardinality rule (⚑): the engine
 * locks the person, so that two teams written at once cannot each bring their own coordinator.
 */
final class OneCoordinatorPerPersonRule extends TeamRule {

  OneCoordinatorPerPersonRule() {
    super("IFP-TM-04", "one-coordinator-per-person",
        "Over all the person's active teams, coordinator participants with overlapping periods are "
            + "one individual.",
        Severities.of("E E E E"),
        "001 L1349–1351, L1371–1374",
        List.of(Message.key("other-coordinator-overlaps")
            .en("Coordinator {0} (from {1}) overlaps with coordinator {2} (from {4}) of the person's "
                + "other team {3}: a person has only one care and welfare coordinator at a time.")
            .nl("Coördinator {0} (vanaf {1}) overlapt met coördinator {2} (vanaf {4}) van het andere "
                + "team {3} van de persoon: een persoon heeft maar één zorg- en welzijnscoördinator "
                + "tegelijk.")
            .fr("Le coordinateur {0} (à partir du {1}) se superpose au coordinateur {2} (à partir du "
                + "{4}) de l'autre équipe {3} de la personne : une personne n'a qu'un seul "
                + "coordinateur de l'aide et des soins à la fois.")
            .de("Koordinator {0} (ab {1}) überschneidet sich mit Koordinator {2} (ab {4}) des anderen "
                + "Teams {3} der Person: Eine Person hat jeweils nur einen Gesundheitskoordinator.")));
  }

  @Override
  public boolean isCardinalityRule() {
    return true;
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    String self = References.of(team);
    List<Participant> otherCoordinators = context.record().careTeamsOf(subject).stream()
        .filter(IfpData::isActive)
        .filter(other -> !Objects.equals(self, References.of(other)))
        .flatMap(other -> Participant.coordinatorsOf(other).stream())
        .filter(other -> other.member() != null)
        .toList();
    Individuals individuals = context.individuals();
    for (Participant coordinator : Participant.coordinatorsOf(team)) {
      if (coordinator.member() == null) {
        continue;
      }
      Optional<Participant> clash = otherCoordinators.stream()
          .filter(other -> Periods.overlap(coordinator.period(), other.period()))
          .filter(other ->
              !individuals.same(coordinator.memberReference(), other.memberReference()))
          .findFirst();
      clash.ifPresent(other -> context.report("other-coordinator-overlaps", coordinator.expression(),
          coordinator.member(), coordinator.start(), other.member(),
          References.of(other.team()), other.start()));
    }
  }
}
