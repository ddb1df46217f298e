package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;

/**
 * IFP-CP-01: the plan's team is the team of the plan's person. Whether the team conforms to
 * {@code ifp-care-team} is the profile validation's business, not this rule's.
 */
final class PlanTeamOfSamePersonRule extends CarePlanRule {

  PlanTeamOfSamePersonRule() {
    super("IFP-CP-01", "plan-team-consistency",
        "careTeam references an ifp-care-team whose subject is the plan's subject.",
        Severities.of("E E E E"),
        "001 L2137–2139",
        List.of(Message.key("team-of-another-person")
            .en("The plan's team {0} is the team of {1}, not of the plan's person {2}.")
            .nl("Het team {0} van dit plan is het team van {1}, niet van de persoon van het plan ({2}).")
            .fr("L'équipe {0} de ce plan est celle de {1}, et non de la personne du plan ({2}).")
            .de("Das Team {0} dieses Plans ist das Team von {1}, nicht das der Person des Plans ({2}).")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    String person = CarePlans.person(plan);
    if (person != null) {
      CarePlans.reportOtherPersons(context, "careTeam", plan.getCareTeam(), CareTeam.class, person,
          "team-of-another-person");
    }
  }
}
