package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.springframework.stereotype.Component;

/**
 * The persons ({@code Patient/…}) whose data a caller with user/ or patient/ scopes may reach,
 * worked out once per request and kept on it: a professional reaches the persons of their teams
 * and case management (IFP-AC-01), unless the person refuses them by a Consent; a person reaches
 * themselves; an informal carer (RelatedPerson) reaches the persons whose active Consent permits
 * them as actor (IFP-AC-03); a patient/ scope reaches the patient of the launch context.
 */
@Component
class PersonAccess {

  private static final String KEY = PersonAccess.class.getName();

  private final TeamMemberships memberships;

  PersonAccess(TeamMemberships memberships) {
    this.memberships = memberships;
  }

  @SuppressWarnings("unchecked")
  Set<String> personsFor(Caller caller, RequestDetails request) {
    Object known = request.getUserData().get(KEY);
    if (known != null) {
      return (Set<String>) known;
    }
    Set<String> persons = Set.copyOf(compute(caller));
    request.getUserData().put(KEY, persons);
    return persons;
  }

  private Set<String> compute(Caller caller) {
    Set<String> persons = new HashSet<>();
    caller.patientContext().ifPresent(persons::add);
    caller.fhirUser().ifPresent(user -> {
      if (user.startsWith("Patient/")) {
        persons.add(user);
      } else if (user.startsWith("RelatedPerson/")) {
        persons.addAll(memberships.consenting(Set.of(user), ConsentProvisionType.PERMIT, Instant.now()));
      } else if (user.startsWith("Practitioner/") || user.startsWith("PractitionerRole/")) {
        persons.addAll(memberships.personsOf(memberships.identitiesOf(user), Instant.now()));
      }
    });
    return persons;
  }
}
