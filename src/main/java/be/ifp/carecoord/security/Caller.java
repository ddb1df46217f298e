package be.ifp.carecoord.security;

import be.ifp.carecoord.rules.Entity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as far as access control cares: the client, its scopes, the user behind it
 * ({@code fhirUser}: a Practitioner, PractitionerRole, Patient or RelatedPerson reference) and the
 * patient in the launch context.
 *
 * @param clientId the OAuth client ({@code azp} or {@code client_id}); for audit
 * @param subject the token's {@code sub}; for audit
 * @param scopes the resource scopes the token grants
 * @param fhirUser the user, e.g. {@code Practitioner/123}, when the token names one
 * @param patientContext the patient of the SMART launch context ({@code patient} claim)
 * @param limits what configuration allows a system client at most
 */
public record Caller(
    String clientId,
    String subject,
    List<SmartScope> scopes,
    Optional<String> fhirUser,
    Optional<String> patientContext,
    ClientLimits limits) {

  /** How far a grant reaches. */
  public enum Reach {
    /** No scope grants the interaction. */
    NONE,
    /** A user/ or patient/ scope: only the data of persons this user may reach. */
    PERSONS,
    /** A system/ scope: any person's data (within the client's configured limits). */
    ALL
  }

  /** The limits configured for a system client; {@link #NONE} for others. */
  public record ClientLimits(Set<String> resourceTypes, Optional<Entity> entity) {
    public static final ClientLimits NONE = new ClientLimits(Set.of(), Optional.empty());

    boolean allowsType(String type) {
      return resourceTypes.isEmpty() || resourceTypes.contains(type);
    }
  }

  public Caller {
    scopes = List.copyOf(scopes);
  }

  /** Who the caller is, as the access policy tells callers apart. */
  public enum Kind {
    /** {@code fhirUser} is a Patient: the person themselves. */
    PERSON,
    /** {@code fhirUser} is a RelatedPerson: an informal carer (or a representative). */
    CARER,
    /** {@code fhirUser} is a Practitioner or PractitionerRole. */
    PROFESSIONAL,
    /** A user/ or patient/ token that names no user the server tells apart: reaches no person. */
    OTHER_USER,
    /** No {@code fhirUser}, system/ scopes: a platform or exporter. */
    PLATFORM
  }

  public Kind kind() {
    if (fhirUser.isEmpty()) {
      return scopes.stream().anyMatch(s -> s.context() == SmartScope.Context.SYSTEM) ? Kind.PLATFORM
          : patientContext.isPresent() ? Kind.PERSON : Kind.OTHER_USER;
    }
    String user = fhirUser.get();
    return user.startsWith("Patient/") ? Kind.PERSON
        : user.startsWith("RelatedPerson/") ? Kind.CARER
        : user.startsWith("Practitioner/") || user.startsWith("PractitionerRole/") ? Kind.PROFESSIONAL
        : Kind.OTHER_USER;
  }

  /**
   * The widest reach the scopes give for an interaction on a type ({@code *}: every type). A
   * user's token (one that names a {@code fhirUser}) gets nothing from system/ scopes: a user
   * never reaches every person, whatever the authorisation server put in the token.
   */
  public Reach reach(String resourceType, Interaction interaction) {
    Reach reach = Reach.NONE;
    boolean user = fhirUser.isPresent();
    for (SmartScope scope : scopes) {
      if (user && scope.context() == SmartScope.Context.SYSTEM) {
        continue;
      }
      if (scope.grants(resourceType, interaction)) {
        if (scope.context() == SmartScope.Context.SYSTEM && limits.allowsType(resourceType)) {
          return Reach.ALL;
        }
        if (scope.context() != SmartScope.Context.SYSTEM) {
          reach = Reach.PERSONS;
        }
      }
    }
    return reach;
  }

  /**
   * Whether a system/ scope names this type itself (not through {@code *}): what the audit
   * trail needs, so that a platform's wildcard never reaches it.
   */
  public boolean namesSystemScope(String resourceType, Interaction interaction) {
    return fhirUser.isEmpty() && scopes.stream().anyMatch(scope -> scope.context() == SmartScope.Context.SYSTEM
        && scope.resourceType().equals(resourceType) && scope.interactions().contains(interaction)
        && limits.allowsType(resourceType));
  }

  /** Whether a patient/ scope, and no user/ scope, grants this: reach is the launch patient's. */
  public boolean patientScopedOnly(String resourceType, Interaction interaction) {
    boolean viaPatient = false;
    for (SmartScope scope : scopes) {
      if (scope.grants(resourceType, interaction)) {
        if (scope.context() == SmartScope.Context.USER) {
          return false;
        }
        viaPatient |= scope.context() == SmartScope.Context.PATIENT;
      }
    }
    return viaPatient;
  }

  /**
   * The person patient/ scopes are about: the launch context's patient, else the user when the
   * user is a Patient. (SMART: the {@code patient} claim narrows patient/ scopes; it never widens
   * user/ scopes.)
   */
  public Optional<String> launchPatient() {
    return patientContext.or(() -> fhirUser.filter(user -> user.startsWith("Patient/")));
  }

  /** Whom the caller stands for in the audit trail: the user, else the client. */
  public String who() {
    return fhirUser.orElse(clientId);
  }
}
