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
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class PlanTeamOfSamePersonRuleTest {

  private final PlanTeamOfSamePersonRule rule = new PlanTeamOfSamePersonRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanWithHerTeam_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void planWithTheTeamOfAnotherPerson_isRefused() {
    CareTeam jozefsTeam = example("CareTeam-team-with-reimbursable-coordinator");
    jozefsTeam.setId("team-of-jozef");
    jozefsTeam.setSubject(new Reference("Patient/jozef"));
    harness.store(jozefsTeam);
    CarePlan plan = mariasPlan();
    plan.getCareTeamFirstRep().setReference("CareTeam/team-of-jozef");

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("team-of-another-person");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.careTeam[0]");
    assertThat(findings.get(0).arguments())
        .containsExactly("CareTeam/team-of-jozef", "Patient/jozef", "Patient/maria");
  }

  @Test
  void planWithAnUnknownTeam_passes() {
    CarePlan plan = mariasPlan();
    plan.getCareTeamFirstRep().setReference("CareTeam/does-not-exist");

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void otherCarePlanWithTheTeamOfAnotherPerson_isNotAnIfpPlan() {
    CarePlan plan = mariasPlan();
    plan.setSubject(new Reference("Patient/jozef"));
    plan.getCategoryFirstRep().getCodingFirstRep()
        .setSystem("http://snomed.info/sct").setCode("736353004");

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void invalidExample_teamOfJozef_isReportedAtTheCareTeamReference() {
    assertThat(PlanExamples.bundleExpressions(harness, rule,
        "invalid/Bundle-ifp-cp-01-team-of-another-person"))
        .containsExactly("Bundle.entry[2].resource.careTeam[0]");
  }
}
