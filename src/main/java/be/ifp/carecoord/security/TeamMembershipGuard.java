package be.ifp.carecoord.security;

import be.ifp.carecoord.security.PersonInControl.Standing;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.springframework.stereotype.Component;

/**
 * IFP-AC-02 at the storage layer (so for every route into it: create, update, PATCH, delete,
 * conditional writes, transaction and batch entries), for callers that are not platforms:
 * creating a person's team, deleting it, ending, shortening or inactivating it, and any change of
 * its members, their roles or their periods is a change of who is in her team
 * ({@link MembershipChange}). The person and her representative make any such change; her active
 * coordinator adds (a new team with members, a new member, a longer period) but removes nobody
 * and makes nobody representative; anyone else gets 403 and nothing is stored. Other edits of a
 * team (its name, a note) stay open to whoever may write the team.
 */
@Component
@Interceptor
class TeamMembershipGuard implements RestServerInterceptor {

  /** After the scope and person checks: a write outside the caller's reach is refused as such first. */
  static final int AFTER_PERSON_CHECKS = AccessGate.FIRST + 2;

  static final String RULE = "IFP-AC-02 person-controls-team: the person or their representative may add and"
      + " remove professionals of their team at any time; the coordinator may add professionals.";

  private static final String TYPE = "CareTeam";

  private final PersonInControl control;

  TeamMembershipGuard(PersonInControl control) {
    this.control = control;
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_PERSON_CHECKS)
  public void teamCreating(IBaseResource resource, RequestDetails request) {
    if (resource instanceof CareTeam team) {
      check(null, team, Interaction.CREATE, request);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_PERSON_CHECKS)
  public void teamChanging(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    if (resource instanceof CareTeam team) {
      check(PersonInControl.exists(previous) ? (CareTeam) previous : null, team, Interaction.UPDATE, request);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = AFTER_PERSON_CHECKS)
  public void teamDeleting(IBaseResource resource, RequestDetails request) {
    if (resource instanceof CareTeam team) {
      check(team, null, Interaction.DELETE, request);
    }
  }

  /** {@code before}: the stored team, null for a create; {@code after}: null for a delete. */
  private void check(CareTeam before, CareTeam after, Interaction interaction, RequestDetails request) {
    Optional<Caller> caller = control.askedOf(request, TYPE, interaction);
    if (caller.isEmpty()) {
      return;
    }
    Optional<String> personBefore = before == null ? Optional.empty() : PersonInControl.patient(before.getSubject());
    Optional<String> personAfter = after == null ? Optional.empty() : PersonInControl.patient(after.getSubject());
    if (before != null && after != null && Objects.equals(personBefore, personAfter)) {
      requireStanding(caller.get(), personAfter, MembershipChange.between(before, after), before, interaction,
          request);
      return;
    }
    // A team that changes person leaves the first one's teams and joins the second one's.
    if (before != null) {
      requireStanding(caller.get(), personBefore, MembershipChange.deleting(), before, interaction, request);
    }
    if (after != null) {
      requireStanding(caller.get(), personAfter, MembershipChange.creating(after), null, interaction, request);
    }
  }

  private void requireStanding(Caller caller, Optional<String> person, MembershipChange change, CareTeam stored,
      Interaction interaction, RequestDetails request) {
    if (!change.any()) {
      return;
    }
    Standing standing = control.standingOf(caller, person);
    if (standing.decides()
        || (standing == Standing.COORDINATOR && !change.removes() && !change.makesRepresentative())) {
      return;
    }
    throw control.refusal(caller, request, interaction, stored, person, RULE + " " + refusal(change));
  }

  private static String refusal(MembershipChange change) {
    if (change.removes()) {
      return "This write removes members, ends or shortens a participation, or ends, inactivates or deletes"
          + " the team: only the person or their representative may.";
    }
    if (change.makesRepresentative()) {
      return "This write makes a participant the person's representative: only the person or their"
          + " representative may.";
    }
    return "This write adds members or time to the person's team: only the person, their representative or"
        + " their active coordinator may.";
  }
}
