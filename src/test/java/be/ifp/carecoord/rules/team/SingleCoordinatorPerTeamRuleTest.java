package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.coordinatorOf;
import static be.ifp.carecoord.rules.team.TeamExamples.inEntity;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class SingleCoordinatorPerTeamRuleTest {

  private final SingleCoordinatorPerTeamRule rule = new SingleCoordinatorPerTeamRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void teamWithOneCoordinator_passes() {
    assertThat(harness.write(rule, mariasTeam())).isEmpty();
  }

  @Test
  void twoCoordinatorsOverlapping_isRefusedOnTheLaterOne() {
    CareTeam team = example("invalid/CareTeam-ifp-tm-03-coordinator-twice-overlapping");

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("coordinators-overlap");
    assertThat(findings.get(0).rule().id()).isEqualTo("IFP-TM-03");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant[6]");
    assertThat(findings.get(0).text(Language.EN)).isEqualTo(
        "The coordinator PractitionerRole/nurse-as-reimbursable-coordinator (2026-10-01 – …) overlaps "
            + "in time with the coordinator PractitionerRole/nurse-as-reimbursable-coordinator "
            + "(2026-09-15 – …) listed earlier in the team: a team has one care and welfare "
            + "coordinator at a time.");
  }

  @ParameterizedTest
  @CsvSource({"VL, ERROR", "WAL, WARNING", "BXL, ERROR", "DG, ERROR"})
  void twoCoordinatorsOverlapping_hasTheEntitysSeverity(String entity, Severity expected) {
    CareTeam team = inEntity(example("invalid/CareTeam-ifp-tm-03-coordinator-twice-overlapping"), entity);

    assertThat(harness.write(rule, team)).extracting(Finding::severity).containsExactly(expected);
  }

  @Test
  void coordinatorHandingOverTheDayAfter_passes() {
    CareTeam team = withSecondCoordinator("PractitionerRole/gp-at-practice", "2026-11-01");
    coordinatorOf(team).getPeriod().setEndElement(new DateTimeType("2026-10-31"));

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void coordinatorHandingOverOnTheSameDay_isRefused() {
    CareTeam team = withSecondCoordinator("PractitionerRole/gp-at-practice", "2026-11-01");
    coordinatorOf(team).getPeriod().setEndElement(new DateTimeType("2026-11-01"));

    List<Finding> findings = harness.write(rule, team);

    assertThat(findings).extracting(Finding::expression).containsExactly("CareTeam.participant[6]");
  }

  @Test
  void coordinatorWithoutPeriod_overlapsEveryOther() {
    CareTeam team = withSecondCoordinator("PractitionerRole/gp-at-practice", "2030-01-01");
    team.getParticipant().get(6).setPeriod(null);

    assertThat(harness.write(rule, team)).extracting(Finding::expression)
        .containsExactly("CareTeam.participant[6]");
  }

  @Test
  void thirdOverlappingCoordinator_isReportedOnceToo() {
    CareTeam team = withSecondCoordinator("PractitionerRole/gp-at-practice", "2026-11-01");
    team.addParticipant(team.getParticipant().get(6).copy());

    assertThat(harness.write(rule, team)).extracting(Finding::expression)
        .containsExactly("CareTeam.participant[6]", "CareTeam.participant[7]");
  }

  @Test
  void overlappingCareProviders_areNoCoordinators() {
    CareTeam team = mariasTeam();
    team.addParticipant(team.getParticipant().get(3).copy());

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void teamEnteredInError_isLeftAlone() {
    CareTeam team = example("invalid/CareTeam-ifp-tm-03-coordinator-twice-overlapping");
    team.setStatus(CareTeam.CareTeamStatus.ENTEREDINERROR);

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("be.ifp.carecoord.rules.team.TeamExamples#BUNDLES_WITH_A_TEAM")
  void teamOfAnExampleBundle_passes(String bundle) {
    assertThat(TeamExamples.writeTeamOf(bundle, rule)).isEmpty();
  }

  /** Maria's team with a copy of its coordinator participant for {@code member} from {@code start}. */
  private static CareTeam withSecondCoordinator(String member, String start) {
    CareTeam team = mariasTeam();
    CareTeamParticipantComponent second = coordinatorOf(team).copy();
    second.setMember(new Reference(member));
    second.setPeriod(new Period().setStartElement(new DateTimeType(start)));
    team.addParticipant(second);
    return team;
  }
}
