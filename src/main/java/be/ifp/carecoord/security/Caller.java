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

  /** The widest reach the scopes give for an interaction on a type ({@code *}: every type). */
  public Reach reach(String resourceType, Interaction interaction) {
    Reach reach = Reach.NONE;
    for (SmartScope scope : scopes) {
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

  /** Whom the caller stands for in the audit trail: the user, else the client. */
  public String who() {
    return fhirUser.orElse(clientId);
  }
}
