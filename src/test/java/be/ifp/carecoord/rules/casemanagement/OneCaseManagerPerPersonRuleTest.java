package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.EPISODE;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.junit.jupiter.api.Test;

class OneCaseManagerPerPersonRuleTest {

  private final OneCaseManagerPerPersonRule rule = new OneCaseManagerPerPersonRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasOnlyEpisode_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void secondOverlappingEpisode_isRefused() {
    EpisodeOfCare second = mariasEpisode();
    second.setId("second-case-management");
    second.getPeriod().setStartElement(new DateTimeType("2026-10-01"));

    List<Finding> findings = harness.write(rule, second);

    assertThat(keys(findings)).containsExactly("overlapping-episode");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.period");
    assertThat(findings.get(0).arguments()).contains(EPISODE, "2026-09-01");
  }

  @Test
  void secondEpisodeOnHoldOverlapping_isRefused() {
    EpisodeOfCare second = mariasEpisode();
    second.setId("second-case-management");
    second.setStatus(EpisodeOfCareStatus.ONHOLD);

    assertThat(keys(harness.write(rule, second))).containsExactly("overlapping-episode");
  }

  @Test
  void secondEpisodeAfterTheFirstEnds_passes() {
    EpisodeOfCare first = mariasEpisode();
    first.getPeriod().setEndElement(new DateTimeType("2026-09-30"));
    harness.store(first);
    EpisodeOfCare second = mariasEpisode();
    second.setId("second-case-management");
    second.getPeriod().setStartElement(new DateTimeType("2026-10-01"));

    assertThat(harness.write(rule, second)).isEmpty();
  }

  @Test
  void secondEpisodeStartingOnTheLastDayOfTheFirst_isRefused() {
    EpisodeOfCare first = mariasEpisode();
    first.getPeriod().setEndElement(new DateTimeType("2026-09-30"));
    harness.store(first);
    EpisodeOfCare second = mariasEpisode();
    second.setId("second-case-management");
    second.getPeriod().setStartElement(new DateTimeType("2026-09-30"));

    assertThat(keys(harness.write(rule, second))).containsExactly("overlapping-episode");
  }

  @Test
  void overlappingEpisodeBesideAFinishedOne_passes() {
    EpisodeOfCare first = mariasEpisode();
    first.setStatus(EpisodeOfCareStatus.FINISHED);
    harness.store(first);
    EpisodeOfCare second = mariasEpisode();
    second.setId("second-case-management");

    assertThat(harness.write(rule, second)).isEmpty();
  }

  @Test
  void overlappingEpisodeOfAnotherType_isIgnored() {
    EpisodeOfCare homeCare = mariasEpisode();
    homeCare.setId("home-care");
    homeCare.getTypeFirstRep().getCodingFirstRep()
        .setSystem("http://example.org/episode-type").setCode("home-care");

    assertThat(harness.write(rule, homeCare)).isEmpty();
    assertThat(harness.store(homeCare).write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void cancelledSecondEpisode_passes() {
    EpisodeOfCare second = mariasEpisode();
    second.setId("second-case-management");
    second.setStatus(EpisodeOfCareStatus.CANCELLED);

    assertThat(harness.write(rule, second)).isEmpty();
  }

  @Test
  void isACardinalityRule() {
    assertThat(rule.isCardinalityRule()).isTrue();
    assertThat(rule.focusTypes()).containsExactly("EpisodeOfCare");
  }

  @Test
  void invalidExampleSecondOverlappingEpisode_isRefusedAtItsPeriod() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-01-second-overlapping-episode");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-01");
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.period");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void profileInvalidEpisodePostedAsNew_alsoOverlapsMariasEpisode() {
    // ig/examples/invalid/README.md: an EpisodeOfCare-* file posted as a new resource overlaps too.
    EpisodeOfCare noStartReason = invalidExample("EpisodeOfCare-no-start-reason");

    assertThat(keys(harness.write(rule, noStartReason))).containsExactly("overlapping-episode");
  }
}
