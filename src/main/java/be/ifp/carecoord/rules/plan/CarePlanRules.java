package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Rule;
import java.util.List;

/** The rules of group IFP-CP, the care and support plan (CarePlan), in catalogue order. */
public final class CarePlanRules {

  private CarePlanRules() {}

  public static List<Rule> all() {
    return List.of(
        new PlanTeamOfSamePersonRule(),
        new PlanHasGoalsRule(),
        new PlanHasLifeGoalRule(),
        new ActivitiesAssignedRule(),
        new PlanReviewDateRule(),
        new SingleActivePlanRule(),
        new CoordinatorHoldsPlanRule(),
        new PersonContributesRule());
  }
}
