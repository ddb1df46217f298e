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
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

class PlanHasLifeGoalRuleTest {

  private final PlanHasLifeGoalRule rule = new PlanHasLifeGoalRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanWithHerLifeGoal_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void lifeGoalExpressedByTheDaughter_passes() {
    harness.store(lifeGoalExpressedBy("RelatedPerson/daughter-informal-carer"));

    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void planWithOnlyCareGoals_isWarned() {
    CarePlan plan = mariasPlan();
    plan.getGoal().remove(0);

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("no-life-goal");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.goal");
    assertThat(findings.get(0).arguments()).containsExactly("Patient/maria");
  }

  @Test
  void lifeGoalExpressedByTheGp_isWarnedOnThatGoal() {
    harness.store(lifeGoalExpressedBy("PractitionerRole/gp-at-practice"));

    List<Finding> findings = harness.write(rule, mariasPlan());

    assertThat(keys(findings)).containsExactly("life-goal-not-expressed-by-person");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.goal[0]");
    assertThat(findings.get(0).arguments()).containsExactly(
        "Goal/life-goal-stay-at-home", "PractitionerRole/gp-at-practice", "Patient/maria");
  }

  @Test
  void lifeGoalExpressedByAnotherPersonsRelative_isWarned() {
    RelatedPerson son = example("RelatedPerson-daughter-informal-carer");
    son.setId("jozefs-son");
    son.setPatient(new Reference("Patient/jozef"));
    harness.store(son).store(lifeGoalExpressedBy("RelatedPerson/jozefs-son"));

    assertThat(keys(harness.write(rule, mariasPlan())))
        .containsExactly("life-goal-not-expressed-by-person");
  }

  @Test
  void planWithAGoalThatCannotBeRead_passes() {
    CarePlan plan = mariasPlan();
    plan.getGoal().remove(0);
    plan.addGoal(new Reference("Goal/does-not-exist"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void planWithoutGoals_isLeftToPlanHasGoals() {
    CarePlan plan = mariasPlan();
    plan.getGoal().clear();

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void warningExample_onlyCareGoals_isReportedAtGoal() {
    assertThat(PlanExamples.bundleExpressions(harness, rule, "warning/Bundle-ifp-cp-03-no-life-goal"))
        .containsExactly("Bundle.entry[0].resource.goal");
  }

  private static Goal lifeGoalExpressedBy(String reference) {
    Goal goal = example("Goal-life-goal-stay-at-home");
    goal.setExpressedBy(new Reference(reference));
    return goal;
  }
}
