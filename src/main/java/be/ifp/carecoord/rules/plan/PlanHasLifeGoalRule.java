package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;

/**
 * IFP-CP-03: the plan has a life goal of the person, expressed by the person or one of their
 * RelatedPersons. A plan without goals is left to IFP-CP-02; a goal that cannot be read, or a life
 * goal that says nobody expressed it, leaves the rule silent (it cannot tell).
 */
final class PlanHasLifeGoalRule extends CarePlanRule {

  PlanHasLifeGoalRule() {
    super("IFP-CP-03", "plan-has-life-goal",
        "At least one goal of category life-goal expressed by the Patient or a RelatedPerson.",
        Severities.of("W W W W"),
        "001 L1315–1320; 000 L231–232",
        List.of(
            Message.key("no-life-goal")
                .en("The plan has no life goal of the person {0}: record at least one life goal expressed by the person, their informal carer or their representative.")
                .nl("Het plan bevat geen levensdoel van de persoon {0}: leg minstens één levensdoel vast dat de persoon zelf, de mantelzorger of de vertegenwoordiger heeft uitgesproken.")
                .fr("Le plan ne contient aucun objectif de vie de la personne {0} : indiquez au moins un objectif de vie exprimé par la personne elle-même, son aidant proche ou son représentant.")
                .de("Der Plan enthält kein Lebensziel der Person {0}: Erfassen Sie mindestens ein Lebensziel, das die Person selbst, ihre informelle Pflegeperson oder ihr Vertreter geäußert hat."),
            Message.key("life-goal-not-expressed-by-person")
                .en("Life goal {0} was expressed by {1}, not by the person {2} or someone close to them: a life goal is the person's own.")
                .nl("Levensdoel {0} werd uitgesproken door {1}, niet door de persoon {2} of iemand uit diens naaste omgeving: een levensdoel is dat van de persoon zelf.")
                .fr("L'objectif de vie {0} a été exprimé par {1}, et non par la personne {2} ou un de ses proches : un objectif de vie est celui de la personne elle-même.")
                .de("Das Lebensziel {0} wurde von {1} geäußert, nicht von der Person {2} oder einer ihr nahestehenden Person: Ein Lebensziel ist das der Person selbst.")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    String person = CarePlans.person(plan);
    List<Reference> goals = plan.getGoal();
    if (person == null || goals.isEmpty()) {
      return;
    }
    Map<Integer, Goal> lifeGoalsOfOthers = new LinkedHashMap<>();
    for (int i = 0; i < goals.size(); i++) {
      Optional<Goal> goal = CarePlans.read(context.record(), goals.get(i), Goal.class);
      if (goal.isEmpty()) {
        return;
      }
      if (!IfpData.hasCode(goal.get().getCategory(), CarePlans.GOAL_CATEGORY, CarePlans.LIFE_GOAL)) {
        continue;
      }
      if (!goal.get().hasExpressedBy()
          || CarePlans.isPersonOrTheirs(goal.get().getExpressedBy(), person, context.record())) {
        return;
      }
      lifeGoalsOfOthers.put(i, goal.get());
    }
    if (lifeGoalsOfOthers.isEmpty()) {
      context.report("no-life-goal", "CarePlan.goal", person);
    }
    lifeGoalsOfOthers.forEach((i, goal) -> context.report("life-goal-not-expressed-by-person",
        "CarePlan.goal[" + i + "]", References.of(goals.get(i)), References.of(goal.getExpressedBy()),
        person));
  }
}
