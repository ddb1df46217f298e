package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.springframework.stereotype.Component;

/**
 * Which persons ({@code Patient/…}) a caller with user/ or patient/ scopes may reach, worked out
 * per request and kept on it, either one person at a time ({@link #reaches}, what reads and
 * writes ask) or all of them at once ({@link #personsFor}, for a search that names no person). A
 * professional reaches the persons of their teams
 * and case management (IFP-AC-01), unless the person refuses them by a Consent; a person reaches
 * themselves; an informal carer (RelatedPerson) reaches the persons whose active Consent permits
 * them as actor (IFP-AC-03). This is what the user reaches; the launch context's patient, which
 * narrows patient/ scopes, is applied by {@link PersonReach}.
 */
@Component
class PersonAccess {

  private static final String KEY = PersonAccess.class.getName();
  private static final String ONE_BY_ONE = KEY + ".one-by-one";
  private static final String IDENTITIES = KEY + ".identities";

  /** The interactions that change nothing: only they use, and feed, the kept decisions. */
  private static final Set<RestOperationTypeEnum> READING = EnumSet.of(RestOperationTypeEnum.READ,
      RestOperationTypeEnum.VREAD, RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.GET_PAGE,
      RestOperationTypeEnum.HISTORY_INSTANCE);

  private final TeamMemberships memberships;
  private final AccessDecisionCache decisions;

  PersonAccess(TeamMemberships memberships, AccessDecisionCache decisions) {
    this.memberships = memberships;
    this.decisions = decisions;
  }

  @SuppressWarnings("unchecked")
  Set<String> personsFor(Caller caller, RequestDetails request) {
    Object known = request.getUserData().get(KEY);
    if (known != null) {
      return (Set<String>) known;
    }
    Set<String> persons = Set.copyOf(compute(caller, request));
    request.getUserData().put(KEY, persons);
    return persons;
  }

  /** Whether the caller may reach this person's data. */
  @SuppressWarnings("unchecked")
  boolean reaches(Caller caller, String person, RequestDetails request) {
    Object all = request.getUserData().get(KEY);
    if (all != null) {
      return ((Set<String>) all).contains(person);
    }
    Map<String, Boolean> known = (Map<String, Boolean>) request.getUserData()
        .computeIfAbsent(ONE_BY_ONE, k -> new HashMap<String, Boolean>());
    Boolean answer = known.get(person);
    if (answer == null) {
      answer = decide(caller, person, request);
      known.put(person, answer);
    }
    return answer;
  }

  private boolean decide(Caller caller, String person, RequestDetails request) {
    return caller.fhirUser().map(user -> {
      if (user.startsWith("Patient/")) {
        return user.equals(person);
      } else if (user.startsWith("RelatedPerson/")) {
        return remembered(user, person, request, now -> memberships.carerPermitted(person, user, now));
      } else if (isProfessional(user)) {
        return remembered(user, person, request,
            now -> memberships.professionalReaches(person, user, () -> identitiesOf(user, request), now));
      }
      return false;
    }).orElse(false);
  }

  /**
   * A kept decision, else one worked out now (and kept). Writes always decide afresh, on what their
   * own transaction sees.
   */
  private boolean remembered(String user, String person, RequestDetails request,
      Function<Instant, AccessDecision> decide) {
    Instant now = Instant.now();
    if (!READING.contains(request.getRestOperationType())) {
      return decide.apply(now).reaches();
    }
    Optional<Boolean> known = decisions.known(user, person, now.toEpochMilli());
    if (known.isPresent()) {
      return known.get();
    }
    AccessDecisionCache.Stamp stamp = decisions.stamp(person);
    AccessDecision decision = decide.apply(now);
    decisions.keep(user, person, stamp, decision);
    return decision.reaches();
  }

  @SuppressWarnings("unchecked")
  private Set<String> identitiesOf(String professional, RequestDetails request) {
    return (Set<String>) request.getUserData().computeIfAbsent(IDENTITIES, k -> memberships.identitiesOf(professional));
  }

  private static boolean isProfessional(String user) {
    return user.startsWith("Practitioner/") || user.startsWith("PractitionerRole/");
  }

  private Set<String> compute(Caller caller, RequestDetails request) {
    Set<String> persons = new HashSet<>();
    caller.fhirUser().ifPresent(user -> {
      if (user.startsWith("Patient/")) {
        persons.add(user);
      } else if (user.startsWith("RelatedPerson/")) {
        persons.addAll(memberships.consenting(Set.of(user), ConsentProvisionType.PERMIT, Instant.now()));
      } else if (isProfessional(user)) {
        persons.addAll(memberships.personsOf(identitiesOf(user, request), Instant.now()));
      }
    });
    return persons;
  }
}
