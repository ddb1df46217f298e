package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Whether a caller reaches a person, or a resource, for an interaction on a type: the policy
 * table's grant ({@link AccessPolicy}) joined with the persons the user reaches
 * ({@link PersonAccess}) and, for patient/ scopes, the launch context's patient. A patient/ scope
 * reaches only that patient, and only if the user (when the token names one) reaches them too.
 */
@Component
class PersonReach {

  /** Not a valid FHIR id (too long), so no stored Patient has it: narrows a search to nothing. */
  static final String NOBODY = "Patient/nobody-" + "x".repeat(64);

  private final AccessPolicy policy;
  private final PersonAccess access;
  private final PersonData personData;

  PersonReach(AccessPolicy policy, PersonAccess access, PersonData personData) {
    this.policy = policy;
    this.access = access;
    this.personData = personData;
  }

  boolean reaches(Caller caller, String person, String type, Interaction interaction, RequestDetails request) {
    if (caller.patientScopedOnly(type, interaction)) {
      if (!caller.launchPatient().filter(person::equals).isPresent()) {
        return false;
      }
      if (caller.fhirUser().isEmpty()) {
        return true;
      }
    }
    return access.reaches(caller, person, request);
  }

  /** All the persons the caller reaches for searching the type; never empty ({@link #NOBODY}). */
  Set<String> personsFor(Caller caller, String type, RequestDetails request) {
    Set<String> persons;
    if (caller.patientScopedOnly(type, Interaction.SEARCH)) {
      persons = caller.launchPatient().filter(p -> reaches(caller, p, type, Interaction.SEARCH, request))
          .map(Set::of).orElse(Set.of());
    } else {
      persons = access.personsFor(caller, request);
    }
    // An empty list would narrow nothing: a person that cannot exist narrows to nothing.
    return persons.isEmpty() ? Set.of(NOBODY) : persons;
  }

  /** Whether the caller may see the resource: its type is readable and, if it is limited, a person of it is theirs. */
  boolean readable(Caller caller, IBaseResource resource, RequestDetails request) {
    String type = resource.fhirType();
    Caller.Reach reach = widest(policy.reach(caller, type, Interaction.READ), policy.reach(caller, type, Interaction.SEARCH));
    return switch (reach) {
      case ALL -> true;
      case NONE -> false;
      case PERSONS -> personData.ownersOf(resource).stream()
          .anyMatch(owner -> reaches(caller, owner, type, Interaction.READ, request));
    };
  }

  /** Whether every person the resource belongs to is the caller's (and it belongs to one). */
  boolean concernsOnlyTheirs(Caller caller, IBaseResource resource, Interaction interaction, RequestDetails request) {
    Set<String> owners = personData.ownersOf(resource);
    return !owners.isEmpty()
        && owners.stream().allMatch(owner -> reaches(caller, owner, resource.fhirType(), interaction, request));
  }

  private static Caller.Reach widest(Caller.Reach a, Caller.Reach b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
