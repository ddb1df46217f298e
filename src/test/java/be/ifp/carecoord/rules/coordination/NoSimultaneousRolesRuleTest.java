package be.ifp.carecoord.rules.coordination;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import be.ifp.carecoord.rules.examples.ExampleBundle;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.junit.jupiter.api.Test;

class NoSimultaneousRolesRuleTest {

  private static final String TEAM = "CareTeam-team-with-reimbursable-coordinator";
  private static final String EPISODE = "EpisodeOfCare-case-management-with-interim-coordination";

  private final NoSimultaneousRolesRule rule = new NoSimultaneousRolesRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  private static CareTeam mariasTeamInDg() {
    CareTeam team = example(TEAM);
    ((Coding) team.getExtensionByUrl(IfpData.ENTITY).getValue()).setCode("DG");
    return team;
  }

  @Test
  void mariasTeamAndEpisodeInVl_pass() {
    assertThat(harness.write(rule, example(TEAM))).isEmpty();
    assertThat(harness.write(rule, example(EPISODE))).isEmpty();
  }

  @Test
  void coordinatorDuringCaseManagementInDg_isAWarning() {
    List<Finding> findings = harness.write(rule, mariasTeamInDg());

    assertThat(keys(findings)).containsExactly("coordination-during-case-management");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
  }

  @Test
  void coordinatorAfterCaseManagementEndedInDg_passes() {
    EpisodeOfCare episode = example(EPISODE);
    episode.getPeriod().setEndElement(new DateTimeType("2026-09-14"));
    harness.store(episode);

    assertThat(harness.write(rule, mariasTeamInDg())).isEmpty();
  }

  @Test
  void coordinatorDuringCaseManagementInVlWithTheRuleTurnedOn_isRefused() {
    harness.settings(RuleSettings.defaults().withSeverity("IFP-CC-02", Entity.VL, Severity.ERROR));

    List<Finding> findings = harness.write(rule, example(TEAM));

    assertThat(keys(findings)).containsExactly("coordination-during-case-management");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void warningExample_caseManagementWhileCoordinated_isAWarningOnTheEpisode() {
    ExampleBundle bundle = ExampleBundle.read("warning/Bundle-ifp-cc-02-dg-case-management-while-coordinated");

    List<Finding> findings = bundle.write(harness, rule, 8);

    assertThat(keys(findings)).containsExactly("case-management-during-coordination");
    assertThat(findings.get(0).rule().id()).isEqualTo("IFP-CC-02");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(ExampleBundle.inBundle(8, findings.get(0).expression()))
        .isEqualTo("Bundle.entry[8].resource.period");
  }
}
