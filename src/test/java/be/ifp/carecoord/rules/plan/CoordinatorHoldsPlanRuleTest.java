package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CoordinatorHoldsPlanRuleTest {

  private final CoordinatorHoldsPlanRule rule = new CoordinatorHoldsPlanRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanAuthoredByHerCoordinator_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void coordinatorAsContributor_passes() {
    CarePlan plan = planByTheGp();
    plan.addContributor(new Reference("PractitionerRole/nurse-as-reimbursable-coordinator"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void coordinatorContributingInAnotherRole_passes() {
    CarePlan plan = planByTheGp();
    plan.addContributor(new Reference("PractitionerRole/home-nurse-at-nursing-service"));

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void coordinatorNeitherAuthorNorContributor_isWarned() {
    List<Finding> findings = harness.write(rule, planByTheGp());

    assertThat(keys(findings)).containsExactly("coordinator-not-involved");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.author");
    assertThat(findings.get(0).arguments()).containsExactly(
        "PractitionerRole/nurse-as-reimbursable-coordinator", PlanExamples.MARIAS_TEAM);
  }

  @Test
  void coordinatorWhoseRoleHasNotStartedYet_isNotRequired() {
    CareTeam team = example("CareTeam-team-with-reimbursable-coordinator");
    coordinator(team).getPeriod().setStartElement(new DateTimeType("2026-12-01"));
    harness.store(team);

    assertThat(harness.write(rule, planByTheGp())).isEmpty();
  }

  @Test
  void nonReimbursableCoordinator_isNotRequired() {
    CareTeam team = example("CareTeam-team-with-reimbursable-coordinator");
    ((Coding) coordinator(team).getExtensionByUrl(IfpData.COORDINATION_TYPE).getValue())
        .setCode("non-reimbursable");
    harness.store(team);

    assertThat(harness.write(rule, planByTheGp())).isEmpty();
  }

  @Test
  void draftPlanByTheGp_passes() {
    CarePlan plan = planByTheGp();
    plan.setStatus(CarePlan.CarePlanStatus.DRAFT);

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void warningExample_coordinatorNotInvolved_isReportedAtTheAuthor() {
    assertThat(PlanExamples.bundleExpressions(harness, rule,
        "warning/Bundle-ifp-cp-07-coordinator-not-involved"))
        .containsExactly("Bundle.entry[0].resource.author");
  }

  private static CarePlan planByTheGp() {
    CarePlan plan = mariasPlan();
    plan.setAuthor(new Reference("PractitionerRole/gp-at-practice"));
    return plan;
  }

  private static CareTeamParticipantComponent coordinator(CareTeam team) {
    return team.getParticipant().stream().filter(IfpData::isCoordinator).findFirst().orElseThrow();
  }
}
