package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.coordinatorOf;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import be.ifp.carecoord.rules.examples.ExampleBundle;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class OneCoordinatorPerPersonRuleTest {

  private final OneCoordinatorPerPersonRule rule = new OneCoordinatorPerPersonRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  /** A second team for Maria from 5 October 2026 whose coordinator is {@code member}. */
  private static CareTeam secondTeamCoordinatedBy(String member) {
    CareTeam team = mariasTeam();
    team.setId("second-team");
    team.getPeriod().setStartElement(new DateTimeType("2026-10-05"));
    coordinatorOf(team).setMember(new Reference(member))
        .getPeriod().setStartElement(new DateTimeType("2026-10-05"));
    return team;
  }

  @Test
  void mariasTeam_passes() {
    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void rule_isACardinalityRule() {
    assertThat(rule.isCardinalityRule()).isTrue();
    assertThat(TeamRules.all()).extracting(r -> r.id()).contains("IFP-TM-04");
  }

  @Test
  void secondTeamWithAnotherCoordinatorOverlapping_isRefused() {
    List<Finding> findings = harness.write(rule, secondTeamCoordinatedBy("PractitionerRole/gp-at-practice"));

    assertThat(keys(findings)).containsExactly("other-coordinator-overlaps");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).arguments()).containsExactly("PractitionerRole/gp-at-practice",
        "2026-10-05", "PractitionerRole/nurse-as-reimbursable-coordinator",
        "CareTeam/team-with-reimbursable-coordinator", "2026-09-15");
  }

  @Test
  void secondTeamWithTheSameNurseInAnotherRole_passes() {
    CareTeam team = secondTeamCoordinatedBy("PractitionerRole/home-nurse-at-nursing-service");

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void secondTeamAfterTheFirstCoordinatorLeft_passes() {
    CareTeam first = mariasTeam();
    coordinatorOf(first).getPeriod().setEndElement(new DateTimeType("2026-10-04"));
    harness.store(first);

    assertThat(harness.write(rule, secondTeamCoordinatedBy("PractitionerRole/gp-at-practice"))).isEmpty();
  }

  @Test
  void secondTeamBesideAnInactiveTeam_passes() {
    CareTeam first = mariasTeam();
    first.setStatus(CareTeam.CareTeamStatus.INACTIVE);
    harness.store(first);

    assertThat(harness.write(rule, secondTeamCoordinatedBy("PractitionerRole/gp-at-practice"))).isEmpty();
  }

  @Test
  void twoCoordinatorsInOneTeam_isLeftToTm03() {
    CareTeam team = mariasTeam();
    team.addParticipant(coordinatorOf(team).copy()
        .setMember(new Reference("PractitionerRole/gp-at-practice")));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void invalidExample_twoCoordinatorsOverlap_isRefusedOnTheSecondTeamsCoordinator() {
    ExampleBundle bundle = ExampleBundle.read("invalid/Bundle-ifp-tm-04-two-coordinators-overlap");

    List<Finding> findings = bundle.write(harness, rule, 2);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-TM-04");
    assertThat(ExampleBundle.inBundle(2, findings.get(0).expression()))
        .isEqualTo("Bundle.entry[2].resource.participant[3]");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }
}
