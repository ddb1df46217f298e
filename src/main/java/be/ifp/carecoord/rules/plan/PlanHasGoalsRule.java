package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;

/** IFP-CP-02: the plan has goals, and they are goals of the plan's person. */
final class PlanHasGoalsRule extends CarePlanRule {

  PlanHasGoalsRule() {
    super("IFP-CP-02", "plan-has-goals",
        "At least one goal; every goal's subject is the plan's subject.",
        Severities.of("E E E E"),
        "001 L1315–1320",
        List.of(
            Message.key("no-goal")
                .en("The care and support plan has no goal: record at least one life goal or care goal.")
                .nl("Het zorg- en ondersteuningsplan heeft geen doel: leg minstens één levensdoel of zorgdoel vast.")
                .fr("Le plan de soins et d'accompagnement n'a aucun objectif : indiquez au moins un objectif de vie ou un objectif de soins.")
                .de("Der Pflege- und Unterstützungsplan hat kein Ziel: Erfassen Sie mindestens ein Lebensziel oder ein Versorgungsziel."),
            Message.key("goal-of-another-person")
                .en("Goal {0} is a goal of {1}, not of the plan's person {2}.")
                .nl("Doel {0} is een doel van {1}, niet van de persoon van het plan ({2}).")
                .fr("L'objectif {0} est un objectif de {1}, et non de la personne du plan ({2}).")
                .de("Das Ziel {0} ist ein Ziel von {1}, nicht der Person des Plans ({2}).")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    List<Reference> goals = plan.getGoal();
    if (goals.isEmpty()) {
      context.report("no-goal", "CarePlan.goal");
      return;
    }
    String person = CarePlans.person(plan);
    if (person != null) {
      CarePlans.reportOtherPersons(context, "goal", goals, Goal.class, person, "goal-of-another-person");
    }
  }
}
