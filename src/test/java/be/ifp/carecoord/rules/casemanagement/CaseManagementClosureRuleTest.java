package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.junit.jupiter.api.Test;

class CaseManagementClosureRuleTest {

  private final CaseManagementClosureRule rule = new CaseManagementClosureRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void runningEpisode_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void finishedEpisodeWithEndAndReason_passes() {
    EpisodeOfCare episode = finished(mariasEpisode(), "2026-11-15");
    episode.addExtension(IfpData.CM_END_REASON, new CodeableConcept(
        new Coding(Canonicals.codeSystem("ifp-cm-end-reason"), "stabilised-handover", null)));

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void finishedEpisodeWithoutEndReason_isRefused() {
    List<Finding> findings = harness.write(rule, finished(mariasEpisode(), "2026-11-15"));

    assertThat(keys(findings)).containsExactly("finished-without-end-reason");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension");
  }

  @Test
  void finishedEpisodeWithoutEnd_isRefused() {
    EpisodeOfCare episode = finished(mariasEpisode(), null);
    episode.addExtension(IfpData.CM_END_REASON, new CodeableConcept(
        new Coding(Canonicals.codeSystem("ifp-cm-end-reason"), "goals-achieved", null)));

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("finished-without-end");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.period.end");
  }

  @Test
  void finishedEpisodeWithNeither_reportsBoth() {
    assertThat(keys(harness.write(rule, finished(mariasEpisode(), null))))
        .containsExactlyInAnyOrder("finished-without-end", "finished-without-end-reason");
  }

  @Test
  void invalidExampleFinishedWithoutEndReason_isRefusedAtTheExtensions() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-08-finished-without-end-reason");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-08");
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.extension");
  }

  private static EpisodeOfCare finished(EpisodeOfCare episode, String end) {
    episode.setStatus(EpisodeOfCareStatus.FINISHED);
    if (end != null) {
      episode.getPeriod().setEndElement(new DateTimeType(end));
    }
    return episode;
  }
}
