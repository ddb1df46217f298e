package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ActivitiesAssignedRuleTest {

  private final ActivitiesAssignedRule rule = new ActivitiesAssignedRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanWithEveryActivityAssigned_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void activityWithoutPerformer_isRefused() {
    CarePlan plan = mariasPlan();
    plan.getActivity().get(1).getDetail().getPerformer().clear();

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("activity-without-performer");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.activity[1]");
    assertThat(findings.get(0).arguments())
        .containsExactly("Opvolging hartfalen: gewicht, oedeem, medicatie");
  }

  @Test
  void performerOutsideTheTeam_isOnlyWarned() {
    CarePlan plan = mariasPlan();
    plan.getActivity().get(0).getDetail()
        .addPerformer(new Reference("PractitionerRole/case-manager-at-meso-unit"));

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("performer-outside-team");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.activity[0].detail.performer[1]");
    assertThat(findings.get(0).arguments()).containsExactly(
        "Hulp bij wassen en aankleden, medicatie klaarzetten",
        "PractitionerRole/case-manager-at-meso-unit", PlanExamples.MARIAS_TEAM);
  }

  @Test
  void performerWhoIsAParticipantInAnotherRole_passes() {
    CarePlan plan = mariasPlan();
    plan.getActivity().get(1).getDetail().getPerformer().clear();
    plan.getActivity().get(1).getDetail()
        .addPerformer(new Reference("Practitioner/general-practitioner"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void performerWhoIsAnotherPerson_isWarned() {
    CarePlan plan = mariasPlan();
    plan.getActivity().get(3).getDetail().getPerformer().get(0)
        .setReference("Patient/jozef");

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("performer-outside-team");
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.activity[3].detail.performer[0]");
  }

  @Test
  void performersWhenTheTeamCannotBeRead_areNotJudged() {
    CarePlan plan = mariasPlan();
    plan.getCareTeamFirstRep().setReference("CareTeam/does-not-exist");
    plan.getActivity().get(0).getDetail()
        .addPerformer(new Reference("PractitionerRole/case-manager-at-meso-unit"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void activityPointingToARequest_isNotChecked() {
    CarePlan plan = mariasPlan();
    plan.addActivity().setReference(new Reference("ServiceRequest/meals-on-wheels"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void invalidExample_socialWorkersActivityWithoutPerformer_isReportedAtTheActivity() {
    CarePlan plan = PlanExamples.file("invalid/CarePlan-ifp-cp-04-activity-without-performer");

    assertThat(harness.write(rule, plan)).extracting(Finding::expression)
        .containsExactly("CarePlan.activity[4]");
  }
}
