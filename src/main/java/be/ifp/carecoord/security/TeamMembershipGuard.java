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
import java.util.HashSet;
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
 * Membership is the set of participant references; a changed period is not a change of members.
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

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ScopeEnforcingInterceptor.BEFORE_OTHER_WRITE_HOOKS + 2)
  public void teamChanging(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty() || !(previous instanceof CareTeam before) || !(resource instanceof CareTeam after)
        || caller.get().reach("CareTeam", Interaction.UPDATE) != Caller.Reach.PERSONS) {
      return;
    }
    Set<String> added = members(after);
    added.removeAll(members(before));
    Set<String> removed = members(before);
    removed.removeAll(members(after));
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    String user = caller.get().fhirUser().orElse("");
    boolean personOrRepresentative = user.equals(before.getSubject().getReference())
        || before.getParticipant().stream().anyMatch(p -> user.equals(p.getMember().getReference())
            && IfpData.hasRole(p, IfpData.ROLE_REPRESENTATIVE));
    if (personOrRepresentative || (removed.isEmpty() && isCoordinator(user, before))) {
      return;
    }
    throw new ForbiddenOperationException("IFP-AC-02: only the person or their representative may "
        + (removed.isEmpty() ? "add professionals to the team (or its coordinator)" : "remove members of the team"));
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

  private static Set<String> members(CareTeam team) {
    Set<String> members = new HashSet<>();
    team.getParticipant().forEach(p -> {
      if (p.getMember().getReference() != null) {
        members.add(p.getMember().getReference());
      }
    });
    return members;
  }
}
