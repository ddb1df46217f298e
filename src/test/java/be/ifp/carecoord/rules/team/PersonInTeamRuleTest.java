package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.team.TeamExamples.mariasTeam;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.junit.jupiter.api.Test;

class PersonInTeamRuleTest {

  private final PersonInTeamRule rule = new PersonInTeamRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void teamWithThePerson_passes() {
    CareTeam team = mariasTeam();

    assertThat(harness.write(rule, team)).isEmpty();
  }

  @Test
  void teamWithoutThePerson_isRefused() {
    CareTeam team = mariasTeam();
    team.getParticipant().remove(0);

    List<Finding> findings = harness.write(rule, team);

    assertThat(keys(findings)).containsExactly("subject-not-participant");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("CareTeam.participant");
  }

  @Test
  void inactiveTeamWithoutThePerson_passes() {
    CareTeam team = mariasTeam();
    team.getParticipant().remove(0);
    team.setStatus(CareTeam.CareTeamStatus.INACTIVE);

    assertThat(harness.write(rule, team)).isEmpty();
  }
}
