package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.without;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.junit.jupiter.api.Test;

class CaseManagementStartReasonRuleTest {

  private final CaseManagementStartReasonRule rule = new CaseManagementStartReasonRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void episodeWithTwoStartReasons_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void episodeWithOneStartReason_passes() {
    EpisodeOfCare episode = mariasEpisode();
    episode.getExtension().remove(2);

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void episodeWithoutStartReason_isRefused() {
    EpisodeOfCare episode = without(mariasEpisode(), IfpData.CM_START_REASON);

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("no-start-reason");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension");
  }

  @Test
  void otherEpisodeOfCareWithoutStartReason_isIgnored() {
    EpisodeOfCare episode = without(mariasEpisode(), IfpData.CM_START_REASON);
    episode.getType().clear();

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void invalidExampleWithoutStartReason_isRefusedAtTheExtensions() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-04-no-start-reason");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-04");
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.extension");
  }
}
