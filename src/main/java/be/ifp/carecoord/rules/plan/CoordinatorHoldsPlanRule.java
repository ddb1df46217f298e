package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Reference;

/**
 * IFP-CP-07: the reimbursable coordinator of the person's team holds the plan, as its author or a
 * contributor (the same individual, in any of their roles). Only active plans are checked: the
 * coordinator is judged now, and a finished plan may predate them.
 */
final class CoordinatorHoldsPlanRule extends CarePlanRule {

  CoordinatorHoldsPlanRule() {
    super("IFP-CP-07", "coordinator-holds-plan",
        "When the team has an active reimbursable coordinator, that coordinator is the plan's "
            + "author or a contributor.",
        Severities.of("W W W W"),
        "001 L2046–2047",
        List.of(Message.key("coordinator-not-involved")
            .en("{0}, the care and welfare coordinator of the team {1}, is neither the author nor a contributor of the plan: the coordinator holds the care and support plan.")
            .nl("{0}, de zorg- en welzijnscoördinator van het team {1}, is geen auteur of medeauteur van het plan: de zorg- en welzijnscoördinator beheert het zorg- en ondersteuningsplan.")
            .fr("{0}, coordinateur de l'aide et des soins de l'équipe {1}, n'est ni l'auteur ni un contributeur du plan : c'est le coordinateur qui tient le plan de soins et d'accompagnement.")
            .de("{0}, Gesundheitskoordinator des Teams {1}, ist weder Verfasser noch Mitwirkender des Plans: Der Gesundheitskoordinator führt den Pflege- und Unterstützungsplan.")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    if (!CarePlans.isActive(plan, context.now())) {
      return;
    }
    Individuals individuals = context.individuals();
    for (CareTeam team : CarePlans.teams(plan, context.record())) {
      if (!IfpData.isActive(team)) {
        continue;
      }
      for (CareTeamParticipantComponent participant : team.getParticipant()) {
        if (isActiveReimbursableCoordinator(participant, context)
            && !holdsPlan(participant.getMember(), plan, individuals)) {
          context.report("coordinator-not-involved", "CarePlan.author",
              References.of(participant.getMember()), References.of(team));
        }
      }
    }
  }

  private static boolean isActiveReimbursableCoordinator(
      CareTeamParticipantComponent participant, RuleContext context) {
    return participant.hasMember() && IfpData.isCoordinator(participant)
        && IfpData.isReimbursable(participant)
        && Periods.contains(participant.hasPeriod() ? participant.getPeriod() : null, context.now());
  }

  private static boolean holdsPlan(Reference coordinator, CarePlan plan, Individuals individuals) {
    return (plan.hasAuthor() && individuals.same(coordinator, plan.getAuthor()))
        || plan.getContributor().stream().anyMatch(c -> individuals.same(coordinator, c));
  }
}
