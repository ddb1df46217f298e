package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

class PlanReviewDateRuleTest {

  private final PlanReviewDateRule rule = new PlanReviewDateRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanWithAFutureReviewDate_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void reviewDateToday_passes() {
    harness.at("2027-05-01T12:00:00Z");

    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void reviewDatePassed_isWarnedOnTheExtension() {
    harness.at("2027-05-02T12:00:00Z");

    List<Finding> findings = harness.write(rule, mariasPlan());

    assertThat(keys(findings)).containsExactly("next-review-past");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.extension[0]");
    assertThat(findings.get(0).arguments()).containsExactly("2027-05-01");
  }

  @Test
  void reviewDateAfterAnotherExtension_isReportedAtItsOwnIndex() {
    CarePlan plan = mariasPlan();
    plan.getExtension().add(0, new Extension("https://example.org/other",
        new DateType("2020-01-01")));
    harness.at("2027-06-01T12:00:00Z");

    assertThat(harness.write(rule, plan)).extracting(Finding::expression)
        .containsExactly("CarePlan.extension[1]");
  }

  @Test
  void activePlanWithoutReviewDate_isWarned() {
    CarePlan plan = mariasPlan();
    plan.getExtension().removeIf(e -> IfpData.NEXT_REVIEW.equals(e.getUrl()));

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("no-next-review");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan");
  }

  @Test
  void completedPlanWithoutReviewDate_passes() {
    CarePlan plan = mariasPlan();
    plan.getExtension().clear();
    plan.setStatus(CarePlan.CarePlanStatus.COMPLETED);

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void planWhosePeriodHasEnded_isNotActive() {
    CarePlan plan = mariasPlan();
    plan.getExtension().clear();
    plan.getPeriod().setEndElement(new DateTimeType("2026-11-22"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void operatorRaisesTheRuleToError_missingReviewDateIsRefused() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-CP-05", Entity.VL, Severity.ERROR));
    CarePlan plan = mariasPlan();
    plan.getExtension().clear();

    assertThat(harness.write(rule, plan)).extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
  }

  @Test
  void warningExample_noReviewDate_isReportedOnThePlan() {
    assertThat(PlanExamples.bundleExpressions(harness, rule, "warning/Bundle-ifp-cp-05-no-review-date"))
        .containsExactly("Bundle.entry[0].resource");
  }

  @Test
  void warningExample_reviewDateInThePast_isReportedAtTheExtension() {
    assertThat(PlanExamples.bundleExpressions(harness, rule, "warning/Bundle-ifp-cp-05-review-date-past"))
        .containsExactly("Bundle.entry[0].resource.extension[0]");
  }
}
