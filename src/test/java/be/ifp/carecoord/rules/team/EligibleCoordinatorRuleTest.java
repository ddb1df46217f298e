package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.coordinatorOf;
import static be.ifp.carecoord.rules.team.TeamExamples.inEntity;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static be.ifp.carecoord.rules.team.TeamExamples.nonReimbursable;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class EligibleCoordinatorRuleTest {

  private static final String COORDINATOR_ROLE = "PractitionerRole/nurse-as-reimbursable-coordinator";

  private final EligibleCoordinatorRule rule = new EligibleCoordinatorRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void reimbursableNurseInTheCoordinatorRole_passes() {
    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void coordinatorWithoutCoordinationType_isRefused() {
    CareTeam team = example("invalid/CareTeam-ifp-tm-05-coordinator-without-coordination-type");

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("coordination-type-missing");
    assertThat(findings.get(0).rule().id()).isEqualTo("IFP-TM-05");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).text(Language.FR)).contains(COORDINATOR_ROLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Patient/maria", "RelatedPerson/daughter-informal-carer"})
  void reimbursableCoordinatorWhoIsNoProfessional_isRefused(String member) {
    CareTeam team = withCoordinator(member);

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("reimbursable-not-practitioner-role");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).text(Language.EN)).contains(member);
  }

  @Test
  void reimbursableRoleWithoutTheCoordinatorCode_isRefused() {
    CareTeam team = withCoordinator("PractitionerRole/home-nurse-at-nursing-service");

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("role-not-coordinator");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
  }

  @Test
  void reimbursableCoordinatorWithIneligibleProfession_isRefused() {
    storeCoordinatorRoleWithProfession("persadministrative");

    List<Finding> findings = harness.write(rule, mariasTeam());

    assertThat(keys(findings)).containsExactly("profession-not-eligible");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).text(Language.NL)).contains("persadministrative");
  }

  @Test
  void reimbursableCoordinatorWithWelfareProfession_passes() {
    storeCoordinatorRoleWithProfession("perssocialworker");

    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void inWalloniaWithAConfiguredList_aProfessionOffTheList_isRefused() {
    harness.settings(walCoordinatorProfessions(Set.of("perssocialworker", "persgeneralphysician")));
    CareTeam team = inEntity(mariasTeam(), "WAL");

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("profession-not-on-wal-list");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).text(Language.FR))
        .contains("persnurse", "persgeneralphysician, perssocialworker");
  }

  @Test
  void inWalloniaWithAConfiguredList_aProfessionOnTheList_passes() {
    harness.settings(walCoordinatorProfessions(Set.of("persnurse")));

    assertThat(harness.write(rule, inEntity(mariasTeam(), "WAL"))).isEmpty();
  }

  @Test
  void inWalloniaWithAConfiguredList_theListReplacesTheValueSets() {
    storeCoordinatorRoleWithProfession("persadministrative");
    harness.settings(walCoordinatorProfessions(Set.of("persadministrative")));

    assertThat(harness.write(rule, inEntity(mariasTeam(), "WAL"))).isEmpty();
  }

  @Test
  void inWalloniaWithoutAList_theValueSetsApply() {
    storeCoordinatorRoleWithProfession("persadministrative");

    assertThat(keys(harness.write(rule, inEntity(mariasTeam(), "WAL"))))
        .containsExactly("profession-not-eligible");
  }

  @Test
  void walloonListOutsideWallonia_isIgnored() {
    harness.settings(walCoordinatorProfessions(Set.of("perssocialworker")));

    assertThat(harness.write(rule, inEntity(mariasTeam(), "BXL"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Patient/maria", "RelatedPerson/daughter-informal-carer",
      "PractitionerRole/home-nurse-at-nursing-service"})
  void nonReimbursableCoordinatorWhoIsThePersonACarerOrAProfessional_passes(String member) {
    CareTeam team = nonReimbursable(withCoordinator(member));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void nonReimbursableCoordinatorThatIsAnOrganisation_isRefused() {
    CareTeam team = nonReimbursable(withCoordinator("Organization/home-nursing-service"));

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("non-reimbursable-member");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).text(Language.DE)).contains("Organization");
  }

  @Test
  void coordinatorRoleWrittenInTheSameTransaction_isChecked() {
    PractitionerRole role = example("PractitionerRole-home-nurse-at-nursing-service");
    role.setId("urn:uuid:0b4f6c1e-2d7a-4c51-9e3a-5f1d2c3b4a59");
    harness.store(role);

    List<Finding> findings = harness.write(rule, withCoordinator("urn:uuid:0b4f6c1e-2d7a-4c51-9e3a-5f1d2c3b4a59"));

    assertThat(keys(findings)).containsExactly("role-not-coordinator");
  }

  @Test
  void coordinatorRoleThatCannotBeRead_isLeftToReferenceChecks() {
    assertThat(harness.write(rule, withCoordinator("PractitionerRole/not-stored"))).isEmpty();
  }

  @Test
  void teamEnteredInError_isLeftAlone() {
    CareTeam team = example("invalid/CareTeam-ifp-tm-05-coordinator-without-coordination-type");
    team.setStatus(CareTeam.CareTeamStatus.ENTEREDINERROR);

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("be.ifp.carecoord.rules.team.TeamExamples#BUNDLES_WITH_A_TEAM")
  void teamOfAnExampleBundle_passes(String bundle) {
    assertThat(TeamExamples.writeTeamOf(bundle, rule)).isEmpty();
  }

  /** Maria's team with its coordinator participant pointing to {@code member}. */
  private static CareTeam withCoordinator(String member) {
    CareTeam team = mariasTeam();
    coordinatorOf(team).setMember(new Reference(member));
    return team;
  }

  /** Replaces the nurse's coordinator role by one whose profession is {@code code}. */
  private void storeCoordinatorRoleWithProfession(String code) {
    PractitionerRole role = example("PractitionerRole-nurse-as-reimbursable-coordinator");
    role.getCodeFirstRep().getCodingFirstRep().setCode(code).setDisplay(null);
    harness.store(role);
  }

  private static RuleSettings walCoordinatorProfessions(Set<String> codes) {
    RuleSettings defaults = RuleSettings.defaults();
    return new RuleSettings(defaults.defaultEntity(), Map.of(), defaults.maxReviewInterval(), codes,
        defaults.walCaseManagerProfessions());
  }
}
