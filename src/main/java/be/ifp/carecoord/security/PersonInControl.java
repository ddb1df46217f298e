package be.ifp.carecoord.security;

import be.ifp.carecoord.rules.IfpData;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who speaks for a person in what is hers to decide: who is in her team (IFP-AC-02) and her
 * consents. The person herself ({@code fhirUser} = her Patient), her representative (a participant
 * with role {@code representative}, in force now, of one of her active teams), and, for adding to
 * her team only, her active coordinator. Roles are read from her teams as stored, never from the
 * resource being written: nobody makes themselves representative by the write that needs it.
 * Platforms (no {@code fhirUser}, {@code system/} scopes) sync as they are and are not asked here.
 */
@Component
public class PersonInControl {

  /** How a caller stands towards one person, the strongest first. */
  public enum Standing {
    /** The person herself. */
    PERSON,
    /** Her representative: decides as she does. */
    REPRESENTATIVE,
    /** Her active care & welfare coordinator: may add to her team, not remove. */
    COORDINATOR,
    /** Anyone else. */
    NONE;

    /** The person or her representative: whoever may take any decision of hers. */
    public boolean decides() {
      return this == PERSON || this == REPRESENTATIVE;
    }
  }

  private final Callers callers;
  private final TeamMemberships memberships;
  private final ApplicationEventPublisher events;

  PersonInControl(Callers callers, TeamMemberships memberships, ApplicationEventPublisher events) {
    this.callers = callers;
    this.memberships = memberships;
    this.events = events;
  }

  /**
   * The caller of a write whose person decides it; empty for the server's own writes and for
   * platforms (no user behind the token, {@code system/} reach for this write), which sync as they are.
   */
  Optional<Caller> askedOf(RequestDetails request, String type, Interaction interaction) {
    return callers.of(request)
        .filter(caller -> caller.fhirUser().isPresent() || caller.reach(type, interaction) != Caller.Reach.ALL);
  }

  /**
   * The refusal (403) of a write that is not the caller's to make, recorded in the person's access
   * log: as the stored resource it would have changed, or, for a new one, as the person herself.
   */
  ForbiddenOperationException refusal(Caller caller, RequestDetails request, Interaction interaction,
      IBaseResource stored, Optional<String> person, String message) {
    IBaseResource concerned = stored != null ? stored : person.map(p -> new Patient().setId(p)).orElse(null);
    if (concerned != null) {
      events.publishEvent(new AccessRefused(caller, request, interaction, concerned));
    }
    return new ForbiddenOperationException(message);
  }

  /**
   * How the caller stands towards the person ({@code Patient/…}, or empty when the resource
   * names none: then nobody but a platform speaks for it).
   */
  public Standing standingOf(Caller caller, Optional<String> person) {
    Optional<String> user = caller.fhirUser();
    if (person.isEmpty() || user.isEmpty()) {
      return Standing.NONE;
    }
    if (user.get().equals(person.get())) {
      return Standing.PERSON;
    }
    Set<String> identities = isProfessional(user.get()) ? memberships.identitiesOf(user.get()) : Set.of(user.get());
    Set<String> roles = memberships.rolesNow(person.get(), identities, Instant.now());
    if (roles.contains(IfpData.ROLE_REPRESENTATIVE)) {
      return Standing.REPRESENTATIVE;
    }
    return roles.contains(IfpData.ROLE_COORDINATOR) ? Standing.COORDINATOR : Standing.NONE;
  }

  /**
   * Whether the caller is the person or her representative: for a gate that keeps informal carers
   * to reading, the one exception (a representative carer changes her team and consents).
   */
  public boolean decidesFor(Caller caller, String person) {
    return standingOf(caller, Optional.of(person)).decides();
  }

  /** The local Patient a reference names ({@code Patient/1}, version dropped), if it names one. */
  static Optional<String> patient(Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    IIdType id = new IdType(reference.getReference());
    return "Patient".equals(id.getResourceType()) && id.hasIdPart() && !id.isAbsolute()
        ? Optional.of("Patient/" + id.getIdPart()) : Optional.empty();
  }

  /** A stored version, or none: HAPI hands a deleted one (nothing in it) when a PUT brings it back. */
  static boolean exists(IBaseResource resource) {
    return resource != null && !resource.isDeleted();
  }

  private static boolean isProfessional(String user) {
    return user.startsWith("Practitioner/") || user.startsWith("PractitionerRole/");
  }
}
