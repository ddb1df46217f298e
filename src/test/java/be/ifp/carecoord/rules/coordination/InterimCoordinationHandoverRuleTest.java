package be.ifp.carecoord.rules.coordination;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import be.ifp.carecoord.rules.examples.ExampleBundle;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

class InterimCoordinationHandoverRuleTest {

  private static final String TEAM = "CareTeam-team-with-reimbursable-coordinator";
  private static final String EPISODE = "EpisodeOfCare-case-management-with-interim-coordination";

  private final InterimCoordinationHandoverRule rule = new InterimCoordinationHandoverRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  /** Maria's episode with its interim coordination running until {@code end}. */
  private static EpisodeOfCare episodeWithInterimUntil(String end) {
    EpisodeOfCare episode = example(EPISODE);
    ((Period) episode.getExtensionByUrl(IfpData.INTERIM_COORDINATION).getValue())
        .setEndElement(new DateTimeType(end));
    return episode;
  }

  @Test
  void interimEndingTheDayBeforeTheCoordinatorStarts_passes() {
    assertThat(harness.write(rule, example(EPISODE))).isEmpty();
    assertThat(harness.write(rule, example(TEAM))).isEmpty();
  }

  @Test
  void interimRunningPastTheCoordinatorsStart_isRefused() {
    List<Finding> findings = harness.write(rule, episodeWithInterimUntil("2026-09-15"));

    assertThat(keys(findings)).containsExactly("interim-after-coordinator-start");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("EpisodeOfCare.extension[4]");
    assertThat(findings.get(0).arguments()).contains("2026-09-15", "CareTeam/team-with-reimbursable-coordinator");
  }

  @Test
  void coordinatorStartingDuringTheInterim_isRefusedOnTheTeam() {
    harness.store(episodeWithInterimUntil("2026-09-20"));

    List<Finding> findings = harness.write(rule, example(TEAM));

    assertThat(keys(findings)).containsExactly("coordinator-during-interim");
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[5]");
  }

  @Test
  void coordinatorWhoLeftBeforeTheInterim_passes() {
    CareTeam team = example(TEAM);
    team.getParticipant().get(5).getPeriod()
        .setStartElement(new DateTimeType("2026-06-01"))
        .setEndElement(new DateTimeType("2026-08-31"));
    harness.store(team);

    assertThat(harness.write(rule, example(EPISODE))).isEmpty();
  }

  @Test
  void episodeWithoutInterimCoordination_passes() {
    EpisodeOfCare episode = example(EPISODE);
    episode.getExtension().removeIf(e -> IfpData.INTERIM_COORDINATION.equals(e.getUrl()));

    assertThat(harness.write(rule, episode)).isEmpty();
  }

  @Test
  void invalidExample_interimAfterCoordinatorStart_isRefused() {
    ExampleBundle bundle = ExampleBundle.read("invalid/Bundle-ifp-cc-03-interim-after-coordinator-start");

    List<Finding> findings = bundle.write(harness, rule, 0);

    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("IFP-CC-03");
    assertThat(ExampleBundle.inBundle(0, findings.get(0).expression()))
        .isEqualTo("Bundle.entry[0].resource.extension[4]");
  }
}
