package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.CONSENT;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.EPISODE;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.MARIA;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasConsent;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

class CaseManagementConsentRuleTest {

  private final CaseManagementConsentRule rule = new CaseManagementConsentRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void episodeAfterMariasConsent_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void episodeStartingBeforeTheConsent_isRefused() {
    EpisodeOfCare episode = startingOn(mariasEpisode(), "2026-08-20");

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("consent-after-start");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.period.start");
    assertThat(findings.get(0).arguments())
        .containsExactly("2026-08-20", CONSENT, "2026-08-28T11:00:00+02:00");
  }

  @Test
  void episodeStartingOnTheDayOfTheConsent_passes() {
    assertThat(harness.write(rule, startingOn(mariasEpisode(), "2026-08-28"))).isEmpty();
  }

  @Test
  void episodeWithoutAnyConsent_isRefused() {
    harness.remove(CONSENT).remove("Consent/coordinator-agreement-by-maria");

    List<Finding> findings = harness.write(rule, mariasEpisode());

    assertThat(keys(findings)).containsExactly("no-consent");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare");
    assertThat(findings.get(0).arguments()).containsExactly(MARIA);
  }

  @Test
  void coordinatorAgreementAlone_isNoConsentToCaseManagement() {
    // Maria's coordinator agreement stays in the record.
    harness.remove(CONSENT);

    assertThat(keys(harness.write(rule, mariasEpisode()))).containsExactly("no-consent");
  }

  @Test
  void consentGivenByTheDaughter_passes() {
    Consent consent = mariasConsent();
    consent.getPerformer().clear();
    consent.addPerformer(new Reference("RelatedPerson/daughter-informal-carer"));
    harness.store(consent);

    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void consentGivenBySomeoneElsesRelative_isRefused() {
    RelatedPerson stranger = new RelatedPerson();
    stranger.setId("neighbour-of-jozef");
    stranger.setPatient(new Reference("Patient/jozef"));
    Consent consent = mariasConsent();
    consent.getPerformer().clear();
    consent.addPerformer(new Reference("RelatedPerson/neighbour-of-jozef"));
    harness.store(stranger).store(consent);

    assertThat(keys(harness.write(rule, mariasEpisode()))).containsExactly("no-consent");
  }

  @Test
  void consentGivenByTheGp_isRefused() {
    Consent consent = mariasConsent();
    consent.getPerformer().clear();
    consent.addPerformer(new Reference("PractitionerRole/gp-at-practice"));
    harness.store(consent);

    assertThat(keys(harness.write(rule, mariasEpisode()))).containsExactly("no-consent");
  }

  @Test
  void revokingTheConsent_rechecksMariasEpisode() {
    Consent revoked = mariasConsent();
    revoked.setStatus(Consent.ConsentState.INACTIVE);

    List<Finding> findings = harness.write(rule, revoked);

    assertThat(keys(findings)).containsExactly("no-consent");
    assertThat(findings.get(0).resource()).isEqualTo(EPISODE);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare");
  }

  @Test
  void deletingTheConsent_rechecksMariasEpisode() {
    List<Finding> findings = harness.delete(rule, mariasConsent());

    assertThat(keys(findings)).containsExactly("no-consent");
    assertThat(findings.get(0).resource()).isEqualTo(EPISODE);
  }

  @Test
  void rewritingTheValidConsent_passes() {
    assertThat(rule.recheckedOn()).containsExactly("Consent");
    assertThat(harness.write(rule, mariasConsent())).isEmpty();
  }

  @Test
  void invalidExampleConsentAfterStart_isRefusedAtTheStart() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-05-consent-after-start");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-05");
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.period.start");
  }

  private static EpisodeOfCare startingOn(EpisodeOfCare episode, String date) {
    episode.getPeriod().setStartElement(new DateTimeType(date));
    return episode;
  }
}
