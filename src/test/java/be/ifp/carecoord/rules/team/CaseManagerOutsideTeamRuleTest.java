package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.inEntity;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CaseManagerOutsideTeamRuleTest {

  private static final String EPISODE = "EpisodeOfCare-case-management-with-interim-coordination";

  private final CaseManagerOutsideTeamRule rule = new CaseManagerOutsideTeamRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  /** Maria's team with one more care-provider participant from 1 October 2026. */
  private static CareTeam teamWith(String member) {
    CareTeam team = mariasTeam();
    CareTeamParticipantComponent participant = team.addParticipant();
    participant.addRole().addCoding(new Coding(Canonicals.ROLE, "care-provider", null));
    participant.setMember(new Reference(member));
    participant.getPeriod().setStartElement(new DateTimeType("2026-10-01"));
    return team;
  }

  @Test
  void mariasTeam_passes() {
    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void caseManagerInTeamDuringTheEpisode_isRefused() {
    List<Finding> findings = harness.write(rule, teamWith("Practitioner/case-manager"));

    assertThat(keys(findings)).containsExactly("case-manager-in-team");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[6]");
    assertThat(findings.get(0).arguments()).containsExactly("Practitioner/case-manager",
        "EpisodeOfCare/case-management-with-interim-coordination");
  }

  @Test
  void caseManagerInTeamInDg_isAWarning() {
    CareTeam team = inEntity(teamWith("Practitioner/case-manager"), "DG");

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("case-manager-in-team");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void caseManagerJoiningAfterTheEpisodeEnded_passes() {
    EpisodeOfCare episode = example(EPISODE);
    episode.getPeriod().setEndElement(new DateTimeType("2026-09-30"));
    harness.store(episode);

    assertThat(harness.write(rule, teamWith("Practitioner/case-manager"))).isEmpty();
  }

  @Test
  void caseManagerOfAFinishedEpisode_passes() {
    EpisodeOfCare episode = example(EPISODE);
    episode.setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    harness.store(episode);

    assertThat(harness.write(rule, teamWith("Practitioner/case-manager"))).isEmpty();
  }

  @Test
  void caseManagerRoleInTeam_isRefused() {
    PractitionerRole role = example("PractitionerRole-case-manager-at-meso-unit");
    role.setId("social-worker-as-case-manager");
    role.setPractitioner(new Reference("Practitioner/social-worker-ssin-only"));
    harness.store(role);

    List<Finding> findings = harness.write(rule, teamWith("PractitionerRole/social-worker-as-case-manager"));

    assertThat(keys(findings)).containsExactly("case-manager-role-in-team");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[6]");
  }

  @Test
  void episodeNamingATeamMemberAsCaseManager_isRefusedOnTheTeam() {
    EpisodeOfCare episode = example(EPISODE);
    episode.setCareManager(new Reference("PractitionerRole/social-worker-at-ocmw"));

    List<Finding> findings = harness.write(rule, episode);

    assertThat(rule.recheckedOn()).containsExactly("EpisodeOfCare");
    assertThat(keys(findings)).containsExactly("case-manager-in-team");
    assertThat(findings.get(0).resource()).isEqualTo("CareTeam/team-with-reimbursable-coordinator");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[4]");
  }

  @Test
  void invalidExample_caseManagerInTeam_isRefused() {
    CareTeam team = example("invalid/CareTeam-ifp-tm-07-case-manager-in-team");

    List<Finding> findings = harness.write(rule, team);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-TM-07");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[6]");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }
}
