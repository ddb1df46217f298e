package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inEntity;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.invalidExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.without;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CaseManagementStartBasisRuleTest {

  private final CaseManagementStartBasisRule rule = new CaseManagementStartBasisRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void episodeBasedOnTheBelraiAssessment_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void episodeBasedOnAConditionsChecklist_passes() {
    EpisodeOfCare episode = basedOn(mariasEpisode(), "QuestionnaireResponse/cm-conditions-checklist");

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void episodeWithoutStartBasisInFlanders_isRefused() {
    List<Finding> findings = harness.write(rule, withoutBasis(Entity.VL));

    assertThat(keys(findings)).containsExactly("no-start-basis");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension");
  }

  @Test
  void episodeWithoutStartBasisInWallonia_isAWarning() {
    List<Finding> findings = harness.write(rule, withoutBasis(Entity.WAL));

    assertThat(keys(findings)).containsExactly("no-start-basis");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).entity()).isEqualTo(Entity.WAL);
  }

  @Test
  void episodeWithoutStartBasisInBrussels_passes() {
    assertThat(harness.write(rule, withoutBasis(Entity.BXL))).isEmpty();
  }

  @Test
  void episodeWithoutStartBasisInTheGermanSpeakingCommunity_isAWarning() {
    List<Finding> findings = harness.write(rule, withoutBasis(Entity.DG));

    assertThat(keys(findings)).containsExactly("no-start-basis");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void episodeWithoutStartBasisInBrusselsTurnedOn_isAWarning() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-CM-06", Entity.BXL, Severity.WARNING));

    List<Finding> findings = harness.write(rule, withoutBasis(Entity.BXL));

    assertThat(findings).extracting(Finding::severity).containsExactly(Severity.WARNING);
  }

  @Test
  void episodeBasedOnANeed_isRefused() {
    EpisodeOfCare episode = basedOn(mariasEpisode(), "Condition/need-social-isolation");

    List<Finding> findings = harness.write(rule, episode);

    assertThat(keys(findings)).containsExactly("start-basis-not-assessment");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension[5]");
    assertThat(findings.get(0).arguments())
        .containsExactly("Condition/need-social-isolation", "Condition");
  }

  @Test
  void invalidExampleWithoutStartBasis_isRefusedAtTheExtensions() {
    Bundle bundle = invalidExample("Bundle-ifp-cm-06-no-start-basis");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-06");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.extension");
  }

  private static EpisodeOfCare withoutBasis(Entity entity) {
    return without(inEntity(mariasEpisode(), entity), IfpData.START_BASIS);
  }

  private static EpisodeOfCare basedOn(EpisodeOfCare episode, String reference) {
    for (Extension extension : episode.getExtension()) {
      if (IfpData.START_BASIS.equals(extension.getUrl())) {
        extension.setValue(new Reference(reference));
      }
    }
    return episode;
  }
}
