package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inEntity;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class EligibleCaseManagerRuleTest {

  private static final String CASE_MANAGER = "PractitionerRole/case-manager-at-meso-unit";
  private static final String CD_HCPARTY = "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty";

  private final EligibleCaseManagerRule rule = new EligibleCaseManagerRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void nurseInTheCaseManagerFunction_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void careManagerThatIsAPractitioner_isRefused() {
    EpisodeOfCare episode = mariasEpisode();
    episode.setCareManager(new Reference("Practitioner/case-manager"));

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("care-manager-not-practitioner-role");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.careManager");
    assertThat(findings.get(0).arguments()).containsExactly("Practitioner/case-manager", "Practitioner");
  }

  @Test
  void roleWithoutCaseManagerCode_isRefused() {
    PractitionerRole role = caseManagerRole();
    role.getCode().remove(1);
    harness.store(role);

    List<Finding> findings = harness.write(rule, mariasEpisode());

    assertThat(keys(findings)).containsExactly("role-without-case-manager-code");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.careManager");
    assertThat(findings.get(0).arguments()).containsExactly(CASE_MANAGER);
  }

  @Test
  void coordinatorRoleAsCaseManager_isRefused() {
    EpisodeOfCare episode = mariasEpisode();
    episode.setCareManager(new Reference("PractitionerRole/nurse-as-reimbursable-coordinator"));

    assertThat(keys(harness.write(rule, episode))).containsExactly("role-without-case-manager-code");
  }

  @Test
  void administrativeProfession_isRefused() {
    harness.store(withProfession(caseManagerRole(), "persadministrative"));

    List<Finding> findings = harness.write(rule, mariasEpisode());

    assertThat(keys(findings)).containsExactly("profession-not-eligible");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.careManager");
    assertThat(findings.get(0).arguments()).containsExactly(CASE_MANAGER, Entity.VL, "persadministrative");
  }

  @Test
  void roleWithoutProfession_isRefused() {
    PractitionerRole role = caseManagerRole();
    role.getCode().remove(0);
    harness.store(role);

    assertThat(keys(harness.write(rule, mariasEpisode()))).containsExactly("profession-not-eligible");
  }

  @Test
  void socialWorkerInFlanders_passes() {
    harness.store(withProfession(caseManagerRole(), "perssocialworker"));

    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void socialWorkerInWallonia_isRefused() {
    harness.store(withProfession(caseManagerRole(), "perssocialworker"));

    List<Finding> findings = harness.write(rule, inEntity(mariasEpisode(), Entity.WAL));

    assertThat(keys(findings)).containsExactly("profession-not-eligible");
    assertThat(findings.get(0).entity()).isEqualTo(Entity.WAL);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void nurseInWallonia_passes() {
    assertThat(harness.write(rule, inEntity(mariasEpisode(), Entity.WAL))).isEmpty();
  }

  @Test
  void walloonListWithoutNurses_refusesTheNurse() {
    harness.settings(walCaseManagerProfessions(Set.of("perssocialworker")));

    assertThat(keys(harness.write(rule, inEntity(mariasEpisode(), Entity.WAL))))
        .containsExactly("profession-not-eligible");
  }

  @Test
  void walloonListWithSocialWorkers_acceptsTheSocialWorker() {
    harness.settings(walCaseManagerProfessions(Set.of("perssocialworker")));
    harness.store(withProfession(caseManagerRole(), "perssocialworker"));

    assertThat(harness.write(rule, inEntity(mariasEpisode(), Entity.WAL))).isEmpty();
  }

  @Test
  void walloonListDoesNotApplyInFlanders() {
    harness.settings(walCaseManagerProfessions(Set.of("perssocialworker")));

    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void unknownCareManager_isLeftToTheReferenceChecks() {
    EpisodeOfCare episode = mariasEpisode();
    episode.setCareManager(new Reference("PractitionerRole/unknown"));

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void invalidExampleCareManagerWithoutCaseManagerRole_isRefusedAtCareManager() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-02-care-manager-without-case-manager-role");

    List<Finding> findings = writeEntry(harness, rule, bundle, 1);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-02");
    assertThat(keys(findings)).containsExactly("role-without-case-manager-code");
    assertThat(inBundle(1, findings.get(0))).isEqualTo("Bundle.entry[1].resource.careManager");
  }

  private static PractitionerRole caseManagerRole() {
    return example("PractitionerRole-case-manager-at-meso-unit");
  }

  private static PractitionerRole withProfession(PractitionerRole role, String code) {
    role.getCode().get(0).getCodingFirstRep().setSystem(CD_HCPARTY).setCode(code).setDisplay(null);
    return role;
  }

  private static RuleSettings walCaseManagerProfessions(Set<String> codes) {
    return new RuleSettings(Entity.VL, Map.of(), Period.ofMonths(6), Set.of(), codes);
  }
}
