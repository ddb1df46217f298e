package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.IfpData;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * One participant of a team with its position in {@code CareTeam.participant}, so that a finding
 * can point to it. Shared by the team rules that compare participants across teams, agreements
 * and episodes.
 */
record TeamMember(CareTeam team, int index, CareTeamParticipantComponent participant) {

  /** Every participant of the team, in order. */
  static List<TeamMember> of(CareTeam team) {
    List<TeamMember> members = new ArrayList<>();
    for (int i = 0; i < team.getParticipant().size(); i++) {
      members.add(new TeamMember(team, i, team.getParticipant().get(i)));
    }
    return members;
  }

  /** The coordinator participants ({@code ifp-role#care-welfare-coordinator}) of the team. */
  static List<TeamMember> coordinatorsOf(CareTeam team) {
    return of(team).stream().filter(m -> IfpData.isCoordinator(m.participant())).toList();
  }

  Reference member() {
    return participant.getMember();
  }

  /** The participation period; without one, the participant is taken to be there all along. */
  Period period() {
    return participant.getPeriod();
  }

  /** FHIRPath of the participant inside the team. */
  String expression() {
    return "CareTeam.participant[" + index + "]";
  }

  /** The start of the participation as written, for messages ("?" when there is none). */
  String start() {
    return participant.hasPeriod() && participant.getPeriod().hasStart()
        ? participant.getPeriod().getStartElement().getValueAsString() : "?";
  }
}
