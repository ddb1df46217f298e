package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class MultidisciplinaryTeamRuleTest {

  private final MultidisciplinaryTeamRule rule = new MultidisciplinaryTeamRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void teamOfDoctorNurseAndSocialWorker_passes() {
    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void teamWhoseOnlyProfessionalIsTheGp_isWarned() {
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("one-profession");
    assertThat(findings.get(0).rule().id()).isEqualTo("IFP-TM-02");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant");
    assertThat(findings.get(0).text(Language.EN)).contains("(persgeneralphysician)");
  }

  @Test
  void twoProfessionalsOfTheSameProfession_isWarned() {
    CareTeam team = mariasTeam();
    team.getParticipant().remove(4); // the social worker
    team.getParticipant().remove(2); // the GP: the home nurse and the coordinating nurse remain

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("one-profession");
    assertThat(findings.get(0).arguments()).containsExactly("persnurse");
  }

  @Test
  void teamOfThePersonAndTheirCarerOnly_isWarned() {
    CareTeam team = mariasTeam();
    team.getParticipant().subList(2, team.getParticipant().size()).clear();

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("no-profession");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant");
  }

  @Test
  void professionalsWhoseParticipationEnded_doNotCount() {
    CareTeam team = mariasTeam();
    for (int i = 3; i <= 5; i++) { // home nurse, social worker, coordinator
      team.getParticipant().get(i).getPeriod().setEndElement(new DateTimeType("2026-10-31"));
    }

    assertThat(keys(harness.write(rule, team))).containsExactly("one-profession");
  }

  @Test
  void professionalWithoutPeriod_counts() {
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");
    team.addParticipant().setMember(new Reference("PractitionerRole/social-worker-at-ocmw"));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void professionOutsideTheEligibleLists_doesNotCount() {
    PractitionerRole secretary = example("PractitionerRole-social-worker-at-ocmw");
    secretary.setId("secretary-at-ocmw");
    secretary.getCodeFirstRep().getCodingFirstRep().setCode("persadministrative");
    harness.store(secretary);
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");
    team.addParticipant().setMember(new Reference("PractitionerRole/secretary-at-ocmw"));

    assertThat(keys(harness.write(rule, team))).containsExactly("one-profession");
  }

  @Test
  void inactiveTeamWithOneProfession_passes() {
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");
    team.setStatus(CareTeam.CareTeamStatus.INACTIVE);

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void teamThatHasNotStartedYet_passes() {
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");
    team.setPeriod(new Period().setStartElement(new DateTimeType("2027-01-01")));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void participantWhoseRoleCannotBeRead_isNotJudged() {
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");
    team.addParticipant().setMember(new Reference("PractitionerRole/not-stored"));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void severityRaisedByTheOperator_refuses() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-TM-02", Entity.VL, Severity.ERROR));
    CareTeam team = example("warning/CareTeam-ifp-tm-02-single-profession");

    assertThat(harness.write(rule, team)).extracting(Finding::severity).containsExactly(Severity.ERROR);
  }

  @ParameterizedTest
  @FieldSource("be.ifp.carecoord.rules.team.TeamExamples#BUNDLES_WITH_A_TEAM")
  void teamOfAnExampleBundle_passes(String bundle) {
    assertThat(TeamExamples.writeTeamOf(bundle, rule)).isEmpty();
  }
}
