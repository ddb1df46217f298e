package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.coordinatorOf;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static be.ifp.carecoord.rules.team.TeamExamples.nonReimbursable;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import be.ifp.carecoord.rules.examples.ExampleBundle;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CoordinatorAgreementRuleTest {

  private static final String AGREEMENT = "Consent-coordinator-agreement-by-maria";

  private final CoordinatorAgreementRule rule = new CoordinatorAgreementRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  private List<Finding> writeTeamWithAgreement(Consent agreement) {
    harness.store(agreement);
    return harness.write(rule, mariasTeam());
  }

  @Test
  void coordinatorWithAgreement_passes() {
    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void coordinatorWithoutAgreement_isRefused() {
    harness.remove("Consent/coordinator-agreement-by-maria");

    List<Finding> findings = harness.write(rule, mariasTeam());

    assertThat(keys(findings)).containsExactly("no-agreement");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).arguments())
        .containsExactly("PractitionerRole/nurse-as-reimbursable-coordinator", "Patient/maria");
  }

  @Test
  void agreementNamingAnotherProfessional_isRefused() {
    Consent agreement = example(AGREEMENT);
    agreement.getProvision().getActorFirstRep().setReference(new Reference("PractitionerRole/gp-at-practice"));

    assertThat(keys(writeTeamWithAgreement(agreement))).containsExactly("no-agreement");
  }

  @Test
  void agreementNamingThePractitioner_passes() {
    Consent agreement = example(AGREEMENT);
    agreement.getProvision().getActorFirstRep().setReference(new Reference("Practitioner/home-nurse"));

    assertThat(writeTeamWithAgreement(agreement)).isEmpty();
  }

  @Test
  void agreementDatedAfterTheStart_isRefused() {
    Consent agreement = example(AGREEMENT);
    agreement.setDateTimeElement(new DateTimeType("2026-09-16T09:00:00+02:00"));

    List<Finding> findings = writeTeamWithAgreement(agreement);

    assertThat(keys(findings)).containsExactly("agreement-after-start");
    assertThat(findings.get(0).arguments()).containsExactly(
        "PractitionerRole/nurse-as-reimbursable-coordinator", "Consent/coordinator-agreement-by-maria",
        "2026-09-16T09:00:00+02:00", "2026-09-15");
  }

  @Test
  void agreementOnTheDayTheCoordinationStarts_passes() {
    Consent agreement = example(AGREEMENT);
    agreement.setDateTimeElement(new DateTimeType("2026-09-15T16:00:00+02:00"));

    assertThat(writeTeamWithAgreement(agreement)).isEmpty();
  }

  @Test
  void agreementGivenByTheDaughter_passes() {
    Consent agreement = example(AGREEMENT);
    agreement.getPerformer().set(0, new Reference("RelatedPerson/daughter-informal-carer"));

    assertThat(writeTeamWithAgreement(agreement)).isEmpty();
  }

  @Test
  void agreementGivenByAProfessional_isRefused() {
    Consent agreement = example(AGREEMENT);
    agreement.getPerformer().set(0, new Reference("PractitionerRole/gp-at-practice"));

    List<Finding> findings = writeTeamWithAgreement(agreement);

    assertThat(keys(findings)).containsExactly("agreement-not-by-person");
    assertThat(findings.get(0).arguments()).contains("PractitionerRole/gp-at-practice");
  }

  @Test
  void nonReimbursableCoordinatorWithoutAgreement_passes() {
    harness.remove("Consent/coordinator-agreement-by-maria");

    assertThat(harness.write(rule, nonReimbursable(mariasTeam()))).isEmpty();
  }

  @Test
  void inactiveTeamWithoutAgreement_passes() {
    harness.remove("Consent/coordinator-agreement-by-maria");
    CareTeam team = mariasTeam();
    team.setStatus(CareTeam.CareTeamStatus.INACTIVE);

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void revokedAgreement_isRefusedOnTheTeam() {
    Consent agreement = example(AGREEMENT);
    agreement.setStatus(Consent.ConsentState.INACTIVE);

    List<Finding> findings = harness.write(rule, agreement);

    assertThat(rule.recheckedOn()).containsExactly("Consent");
    assertThat(keys(findings)).containsExactly("agreement-not-active");
    assertThat(findings.get(0).resource()).isEqualTo("CareTeam/team-with-reimbursable-coordinator");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
    assertThat(findings.get(0).arguments()).contains("inactive");
  }

  @Test
  void revokedAgreement_afterTheCoordinatorsPeriodEnded_passes() {
    CareTeam team = mariasTeam();
    coordinatorOf(team).getPeriod().setEndElement(new DateTimeType("2026-10-31"));
    harness.store(team);
    Consent agreement = example(AGREEMENT);
    agreement.setStatus(Consent.ConsentState.INACTIVE);

    assertThat(harness.write(rule, agreement)).isEmpty();
  }

  @Test
  void deletedAgreement_isRefusedOnTheTeam() {
    List<Finding> findings = harness.delete(rule, example(AGREEMENT));

    assertThat(keys(findings)).containsExactly("no-agreement");
    assertThat(findings.get(0).resource()).isEqualTo("CareTeam/team-with-reimbursable-coordinator");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void invalidExample_coordinatorWithoutAgreement_isRefused() {
    ExampleBundle bundle = ExampleBundle.read("invalid/Bundle-ifp-tm-06-coordinator-without-agreement");

    List<Finding> findings = bundle.write(harness, rule, 1);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-TM-06");
    assertThat(ExampleBundle.inBundle(1, findings.get(0).expression()))
        .isEqualTo("Bundle.entry[1].resource.participant[3]");
  }
}
