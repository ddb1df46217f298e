package be.ifp.carecoord.security;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.springframework.stereotype.Component;

/**
 * IFP-AC-02, for callers with user/ or patient/ scopes (platforms with system/ scopes sync teams
 * as they are): the person, or their representative in the team, may add and remove members;
 * the team's active coordinator may add members; nobody else changes who is in the team.
 * A member's participation is the span of their participant entries' periods: shortening it
 * (an end set or brought forward, a start put off, the entry gone) removes them, for the time
 * cut off; lengthening it, or a new member, adds.
 */
@Component
@Interceptor
class TeamMembershipGuard implements RestServerInterceptor {

  private final Callers callers;
  private final TeamMemberships memberships;

  TeamMembershipGuard(Callers callers, TeamMemberships memberships) {
    this.callers = callers;
    this.memberships = memberships;
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AccessGate.FIRST + 2)
  public void teamChanging(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty() || !(previous instanceof CareTeam previousTeam) || !(resource instanceof CareTeam team)
        || caller.get().reach("CareTeam", Interaction.UPDATE) != Caller.Reach.PERSONS) {
      return;
    }
    Map<String, Span> before = spans(previousTeam);
    Map<String, Span> after = spans(team);
    boolean added = coversMore(after, before);
    boolean removed = coversMore(before, after);
    if (!added && !removed) {
      return;
    }
    String user = caller.get().fhirUser().orElse("");
    boolean personOrRepresentative = user.equals(previousTeam.getSubject().getReference())
        || previousTeam.getParticipant().stream().anyMatch(p -> user.equals(p.getMember().getReference())
            && IfpData.hasRole(p, IfpData.ROLE_REPRESENTATIVE));
    if (personOrRepresentative || (!removed && isCoordinator(user, previousTeam))) {
      return;
    }
    throw new ForbiddenOperationException("IFP-AC-02: only the person or their representative may "
        + (removed ? "remove members of the team or end or shorten their participation"
            : "add professionals to the team (or its coordinator)"));
  }

  private boolean isCoordinator(String user, CareTeam team) {
    if (user.isEmpty()) {
      return false;
    }
    Set<String> identities = memberships.identitiesOf(user);
    Instant now = Instant.now();
    for (CareTeamParticipantComponent participant : team.getParticipant()) {
      if (IfpData.isCoordinator(participant) && Periods.contains(participant.getPeriod(), now)
          && identities.contains(participant.getMember().getReference())) {
        return true;
      }
    }
    return false;
  }

  /** Whether some member takes part in {@code these} at a time they do not in {@code those}. */
  private static boolean coversMore(Map<String, Span> these, Map<String, Span> those) {
    return these.entrySet().stream().anyMatch(member -> !those.containsKey(member.getKey())
        || member.getValue().exceeds(those.get(member.getKey())));
  }

  /** Per member reference, from the earliest start to the latest end of their entries. */
  private static Map<String, Span> spans(CareTeam team) {
    Map<String, Span> spans = new HashMap<>();
    for (CareTeamParticipantComponent participant : team.getParticipant()) {
      String member = participant.getMember().getReference();
      if (member != null) {
        Span span = new Span(Periods.start(participant.getPeriod()), Periods.end(participant.getPeriod()));
        spans.merge(member, span, Span::union);
      }
    }
    return spans;
  }

  /** A participation, in epoch milliseconds (open ends as Long.MIN_VALUE and MAX_VALUE). */
  private record Span(long start, long end) {
    Span union(Span other) {
      return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** Whether this span covers time the other does not. */
    boolean exceeds(Span other) {
      return start < other.start || end > other.end;
    }
  }
}
