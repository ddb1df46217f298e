package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inEntity;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.warningExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.without;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

class TimeLimitedCaseManagementRuleTest {

  private final TimeLimitedCaseManagementRule rule = new TimeLimitedCaseManagementRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void startAndReviewWithinSixMonths_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void episodeWithoutPeriod_isRefused() {
    EpisodeOfCare episode = mariasEpisode();
    episode.setPeriod(null);

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("no-start");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.period");
  }

  @Test
  void periodWithoutStart_isRefusedAtTheStart() {
    EpisodeOfCare episode = mariasEpisode();
    episode.getPeriod().setStart(null).setEndElement(new DateTimeType("2027-01-31"));

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("no-start");
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.period.start");
  }

  @Test
  void neitherEndNorReview_isRefused() {
    EpisodeOfCare episode = without(mariasEpisode(), IfpData.NEXT_REVIEW);

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("no-end-or-review");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension");
  }

  @Test
  void endWithoutReview_passes() {
    EpisodeOfCare episode = without(mariasEpisode(), IfpData.NEXT_REVIEW);
    episode.getPeriod().setEndElement(new DateTimeType("2027-02-28"));

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void reviewOnTheLastAllowedDay_passes() {
    EpisodeOfCare episode = withReview(mariasEpisode(), "2027-03-01");

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void reviewLaterThanSixMonthsAfterStart_isAWarning() {
    EpisodeOfCare episode = withReview(mariasEpisode(), "2027-03-02");

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("review-too-late");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension[3]");
    assertThat(findings.get(0).arguments())
        .containsExactly("2027-03-02", Period.ofMonths(6), "2026-09-01", LocalDate.parse("2027-03-01"));
  }

  @Test
  void missingStartInWalloniaLoweredToWarning_isAWarning() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-CM-03", Entity.WAL, Severity.WARNING));
    EpisodeOfCare episode = inEntity(mariasEpisode(), Entity.WAL);
    episode.setPeriod(null);

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("no-start");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).entity()).isEqualTo(Entity.WAL);
  }

  @Test
  void longerConfiguredInterval_acceptsALaterReview() {
    harness.settings(withInterval(Period.ofMonths(12)));

    assertThat(harness.write(rule, withReview(mariasEpisode(), "2027-06-30"))).isEmpty();
  }

  @Test
  void shorterConfiguredInterval_warnsAboutMariasReview() {
    harness.settings(withInterval(Period.ofMonths(3)));

    List<Finding> findings = harness.write(rule, mariasEpisode());

    assertThat(keys(findings)).containsExactly("review-too-late");
    assertThat(findings.get(0).arguments()).contains(Period.ofMonths(3), LocalDate.parse("2026-12-01"));
  }

  @Test
  void invalidExampleWithoutPeriod_isRefusedAtThePeriod() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-03-no-period");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-03");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.period");
  }

  @Test
  void warningExampleReviewTooLate_isAWarningAtTheReviewDate() {
    Bundle bundle = warningExample("Bundle-ifp-cm-03-review-too-late");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-03");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.extension[3]");
  }

  private static EpisodeOfCare withReview(EpisodeOfCare episode, String date) {
    for (Extension extension : episode.getExtension()) {
      if (IfpData.NEXT_REVIEW.equals(extension.getUrl())) {
        extension.setValue(new DateType(date));
      }
    }
    return episode;
  }

  private static RuleSettings withInterval(Period interval) {
    return new RuleSettings(Entity.VL, Map.of(), interval, Set.of(), Set.of());
  }
}
