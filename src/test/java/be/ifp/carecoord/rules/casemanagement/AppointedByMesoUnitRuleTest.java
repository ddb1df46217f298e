package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.inBundle;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.warningExample;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.writeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class AppointedByMesoUnitRuleTest {

  private final AppointedByMesoUnitRule rule = new AppointedByMesoUnitRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void episodeManagedByTheMesoUnit_passes() {
    assertThat(harness.write(rule, mariasEpisode())).isEmpty();
  }

  @Test
  void episodeManagedByTheHomeNursingService_isAWarning() {
    List<Finding> findings = harness.write(rule, managedBy("Organization/home-nursing-service"));

    assertThat(keys(findings)).containsExactly("not-meso-unit");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.managingOrganization");
    assertThat(findings.get(0).arguments()).first().isEqualTo("Organization/home-nursing-service");
  }

  @Test
  void operatorRaisingTheRule_makesItAnError() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-CM-07", Entity.VL, Severity.ERROR));

    List<Finding> findings = harness.write(rule, managedBy("Organization/home-nursing-service"));

    assertThat(findings).extracting(Finding::severity).containsExactly(Severity.ERROR);
  }

  @Test
  void unknownManagingOrganization_isLeftToTheReferenceChecks() {
    assertThat(harness.write(rule, managedBy("Organization/unknown"))).isEmpty();
  }

  @Test
  void warningExampleManagedByCareProvider_isAWarningAtManagingOrganization() {
    Bundle bundle = warningExample("Bundle-ifp-cm-07-managed-by-care-provider");

    List<Finding> findings = writeEntry(harness, rule, bundle, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CM-07");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(inBundle(0, findings.get(0))).isEqualTo("Bundle.entry[0].resource.managingOrganization");
  }

  private static EpisodeOfCare managedBy(String organization) {
    EpisodeOfCare episode = mariasEpisode();
    episode.setManagingOrganization(new Reference(organization));
    return episode;
  }
}
