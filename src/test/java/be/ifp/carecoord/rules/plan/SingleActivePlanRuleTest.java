package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;

class SingleActivePlanRuleTest {

  private final SingleActivePlanRule rule = new SingleActivePlanRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasOnlyPlan_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void secondActivePlan_isWarned() {
    List<Finding> findings = harness.write(rule, secondPlan());

    assertThat(keys(findings)).containsExactly("second-active-plan");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan");
    assertThat(findings.get(0).arguments())
        .containsExactly("Patient/maria", "CarePlan/care-support-plan-maria");
  }

  @Test
  void secondPlanAsDraft_passes() {
    CarePlan draft = secondPlan();
    draft.setStatus(CarePlan.CarePlanStatus.DRAFT);

    assertThat(harness.write(rule, draft)).isEmpty();
  }

  @Test
  void secondPlanWhenTheFirstIsCompleted_passes() {
    CarePlan first = mariasPlan();
    first.setStatus(CarePlan.CarePlanStatus.COMPLETED);
    harness.store(first);

    assertThat(harness.write(rule, secondPlan())).isEmpty();
  }

  @Test
  void secondPlanWhenTheFirstHasNotStartedYet_passes() {
    CarePlan first = mariasPlan();
    first.getPeriod().setStartElement(new DateTimeType("2027-01-01"));
    harness.store(first);

    assertThat(harness.write(rule, secondPlan())).isEmpty();
  }

  @Test
  void activeCarePlanOfAnotherKind_isNotCounted() {
    CarePlan hospitalPlan = mariasPlan();
    hospitalPlan.setId("discharge-plan");
    hospitalPlan.getCategory().clear();
    hospitalPlan.addCategory().addCoding().setSystem("http://snomed.info/sct").setCode("736353004");
    harness.store(hospitalPlan);

    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void warningExample_secondActivePlan_isReportedOnThePlan() {
    assertThat(PlanExamples.bundleExpressions(harness, rule, "warning/Bundle-ifp-cp-06-second-active-plan"))
        .containsExactly("Bundle.entry[0].resource");
  }

  private static CarePlan secondPlan() {
    CarePlan plan = mariasPlan();
    plan.setId("second-plan");
    return plan;
  }
}
