package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class PlanHasGoalsRuleTest {

  private final PlanHasGoalsRule rule = new PlanHasGoalsRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanWithHerGoals_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void planWithoutGoals_isRefused() {
    CarePlan plan = mariasPlan();
    plan.getGoal().clear();

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("no-goal");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.goal");
  }

  @Test
  void planWithTheGoalOfAnotherPerson_isRefused() {
    Goal goal = example("Goal-care-goal-personal-care");
    goal.setSubject(new Reference("Patient/jozef"));
    harness.store(goal);

    List<Finding> findings = harness.write(rule, mariasPlan());

    assertThat(keys(findings)).containsExactly("goal-of-another-person");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.goal[2]");
    assertThat(findings.get(0).arguments())
        .containsExactly("Goal/care-goal-personal-care", "Patient/jozef", "Patient/maria");
  }

  @Test
  void planWithAnUnknownGoal_passes() {
    CarePlan plan = mariasPlan();
    plan.addGoal(new Reference("Goal/does-not-exist"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void invalidExample_noGoal_isReportedAtGoal() {
    CarePlan plan = PlanExamples.file("invalid/CarePlan-ifp-cp-02-no-goal");

    assertThat(harness.write(rule, plan)).extracting(Finding::expression)
        .containsExactly("CarePlan.goal");
  }
}
