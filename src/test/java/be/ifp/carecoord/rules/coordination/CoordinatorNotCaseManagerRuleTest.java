package be.ifp.carecoord.rules.coordination;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import be.ifp.carecoord.rules.examples.ExampleBundle;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CoordinatorNotCaseManagerRuleTest {

  private static final String TEAM = "CareTeam-team-with-reimbursable-coordinator";
  private static final String EPISODE = "EpisodeOfCare-case-management-with-interim-coordination";
  private static final String JEANNE = "invalid/Bundle-ifp-cc-01-case-manager-becomes-coordinator";
  private static final int JEANNES_TEAM = 6;
  private static final int JEANNES_EPISODE = 7;

  private final CoordinatorNotCaseManagerRule rule = new CoordinatorNotCaseManagerRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  private static <T extends DomainResource> T in(Entity entity, T resource) {
    ((Coding) resource.getExtensionByUrl(IfpData.ENTITY).getValue()).setCode(entity.name());
    return resource;
  }

  /** Maria's team whose coordinator, from 15 September 2026, is her case manager (Lotte). */
  private static CareTeam teamCoordinatedByTheCaseManager(Entity entity) {
    CareTeam team = in(entity, example(TEAM));
    team.getParticipant().get(5).setMember(new Reference("Practitioner/case-manager"));
    return team;
  }

  @Test
  void mariasTeamAndEpisode_pass() {
    assertThat(harness.write(rule, example(TEAM))).isEmpty();
    assertThat(harness.write(rule, example(EPISODE))).isEmpty();
  }

  @Test
  void caseManagerBecomesCoordinatorInVl_isRefusedOnTheTeam() {
    ExampleBundle bundle = ExampleBundle.read(JEANNE);

    List<Finding> findings = bundle.write(harness, rule, JEANNES_TEAM);

    assertThat(keys(findings)).containsExactly("same-individual");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(ExampleBundle.inBundle(JEANNES_TEAM, findings.get(0).expression()))
        .isEqualTo("Bundle.entry[6].resource.participant[3]");
  }

  @Test
  void caseManagerBecomesCoordinatorInVl_isRefusedOnTheEpisode() {
    ExampleBundle bundle = ExampleBundle.read(JEANNE);

    List<Finding> findings = bundle.write(harness, rule, JEANNES_EPISODE);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CC-01");
    assertThat(ExampleBundle.inBundle(JEANNES_EPISODE, findings.get(0).expression()))
        .isEqualTo("Bundle.entry[7].resource.careManager");
    assertThat(findings.get(0).arguments()).containsExactly(
        "PractitionerRole/c1040f99-64f1-579c-b8f4-f5de9df2fbbc",
        "CareTeam/cbd658c8-5f61-5c44-87ee-19ef3923c397", "2026-05-01",
        "EpisodeOfCare/82c36dc5-0853-5193-9ac6-dd75dd7685f0", "2026-01-15",
        "PractitionerRole/case-manager-at-meso-unit");
  }

  @Test
  void caseManagerBecomesCoordinatorInWal_passes() {
    ExampleBundle bundle = ExampleBundle.read(JEANNE);
    in(Entity.WAL, (CareTeam) bundle.resource(JEANNES_TEAM));

    assertThat(bundle.write(harness, rule, JEANNES_TEAM)).isEmpty();
  }

  @Test
  void caseManagerBecomesCoordinatorInBxl_passes() {
    ExampleBundle bundle = ExampleBundle.read(JEANNE);
    in(Entity.BXL, (CareTeam) bundle.resource(JEANNES_TEAM));

    assertThat(bundle.write(harness, rule, JEANNES_TEAM)).isEmpty();
  }

  @Test
  void caseManagerCoordinatingAtTheSameTimeInWal_isRefused() {
    List<Finding> findings = harness.write(rule, teamCoordinatedByTheCaseManager(Entity.WAL));

    assertThat(keys(findings)).containsExactly("same-individual-overlapping");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
  }

  @Test
  void caseManagerCoordinatingAfterAFinishedEpisodeInWal_passes() {
    EpisodeOfCare episode = example(EPISODE);
    episode.setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    episode.getPeriod().setEndElement(new DateTimeType("2026-09-14"));
    harness.store(episode);

    assertThat(harness.write(rule, teamCoordinatedByTheCaseManager(Entity.WAL))).isEmpty();
  }

  @Test
  void coordinatorBecomesCaseManagerInBxl_isRefused() {
    CareTeam team = teamCoordinatedByTheCaseManager(Entity.BXL);
    team.getParticipant().get(5).getPeriod()
        .setStartElement(new DateTimeType("2026-06-01"))
        .setEndElement(new DateTimeType("2026-08-31"));

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("coordinator-before-case-manager");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
  }

  @Test
  void coordinatorBecomesCaseManagerInWal_passes() {
    CareTeam team = teamCoordinatedByTheCaseManager(Entity.WAL);
    team.getParticipant().get(5).getPeriod()
        .setStartElement(new DateTimeType("2026-06-01"))
        .setEndElement(new DateTimeType("2026-08-31"));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void caseManagerCoordinatingAtTheSameTimeInDg_isAllowed() {
    assertThat(harness.write(rule, teamCoordinatedByTheCaseManager(Entity.DG))).isEmpty();
  }

  @Test
  void caseManagerCoordinatingInDgWithTheRuleTurnedOn_isRefused() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-CC-01", Entity.DG, Severity.WARNING));

    List<Finding> findings = harness.write(rule, teamCoordinatedByTheCaseManager(Entity.DG));

    assertThat(keys(findings)).containsExactly("same-individual-overlapping");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
  }
}
