package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Resource;

/**
 * A rule of group IFP-TM: it checks CareTeams, by default only active teams about a person
 * ({@link #appliesToTeam}). A rule that judges the team's own make-up, whatever its status, widens
 * that.
 */
abstract class TeamRule extends Rule {

  TeamRule(
      String id, String name, String check, Severities severities, String source,
      List<Message> messages) {
    super(id, name, check, severities, source, messages);
  }

  @Override
  public final Set<String> focusTypes() {
    return Set.of("CareTeam");
  }

  @Override
  public final void check(Resource focus, RuleContext context) {
    CareTeam team = (CareTeam) focus;
    if (appliesToTeam(team)) {
      checkTeam(team, subjectOf(team), context);
    }
  }

  /**
   * Whether the rule checks this team at all. By default an active team with a subject: most team
   * rules compare it with the person's other records and have nothing to compare without one.
   */
  boolean appliesToTeam(CareTeam team) {
    return IfpData.isActive(team) && subjectOf(team) != null;
  }

  /**
   * Checks one team. {@code subject} is the person the team is about ({@code Patient/id}); it is
   * null only where {@link #appliesToTeam} lets a team without one through.
   */
  abstract void checkTeam(CareTeam team, String subject, RuleContext context);

  /** A team marked entered-in-error is withdrawn data: every team rule leaves it alone. */
  static boolean isWithdrawn(CareTeam team) {
    return team.getStatus() == CareTeam.CareTeamStatus.ENTEREDINERROR;
  }

  /** Read without creating an empty subject on the team being checked. */
  private static String subjectOf(CareTeam team) {
    return team.hasSubject() ? References.of(team.getSubject()) : null;
  }
}
