package be.ifp.carecoord.security;

import be.ifp.carecoord.rules.Entity;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of authentication and access control ({@code ifp.security.*}); docs/security.md
 * explains each.
 *
 * @param mode {@code oauth2} (the default: every FHIR request needs a valid bearer token) or
 *     {@code development} (requests without a token are served as a development platform; only
 *     ever on a workstation).
 * @param jwt where tokens come from and for whom they must be issued
 * @param identity how a token names the person or professional behind it
 * @param smart the authorisation server's endpoints, as the SMART configuration document tells clients
 * @param accessCache whether and how access decisions are kept across requests
 * @param systemClients per client id ({@code azp} or {@code client_id} claim) of a
 *     {@code system/} client: the resource types and federated entity it is limited to
 * @param administrators the client ids of platforms that may change the conformance set
 *     (profiles, search parameters, terminology) and run maintenance operations; empty: nobody
 * @param operatorScope the scope a token needs for the management endpoints ({@code /manage/**})
 *     other than health and info
 */
@Validated
@ConfigurationProperties("ifp.security")
public record SecurityProperties(
    @NotNull @DefaultValue("oauth2") SecurityMode mode,
    @NotNull @DefaultValue Jwt jwt,
    @NotNull @DefaultValue Identity identity,
    @NotNull @DefaultValue Smart smart,
    @NotNull @DefaultValue AccessCache accessCache,
    Map<String, SystemClient> systemClients,
    Set<String> administrators,
    @NotBlank @DefaultValue("ifp/operator") String operatorScope) {

  public SecurityProperties {
    systemClients = systemClients == null ? Map.of() : Map.copyOf(systemClients);
    administrators = administrators == null ? Set.of() : Set.copyOf(administrators);
  }

  boolean development() {
    return mode == SecurityMode.DEVELOPMENT;
  }

  /**
   * @param issuer the {@code iss} every token must carry
   * @param jwksUrl where the issuer publishes its signing keys (JWKS)
   * @param audience the {@code aud} every token must contain (this server's client id at the
   *     authorisation server)
   * @param checkedTokens how tokens that passed the checks are remembered
   * @param jwksRefetchInterval the least time between two fetches of the JWKS caused by tokens
   *     whose key id it does not hold
   */
  public record Jwt(
      @DefaultValue("") String issuer,
      @DefaultValue("") String jwksUrl,
      @DefaultValue("ifp-carecoord") String audience,
      @NotNull @DefaultValue CheckedTokens checkedTokens,
      @NotNull @DefaultValue("30s") Duration jwksRefetchInterval) {}

  /**
   * @param maxEntries how many checked tokens are remembered at most; reaching it forgets them
   *     all; {@code 0}: every request's token is checked in full
   * @param maxAge how long after its check a token is taken from memory (never past its expiry)
   */
  public record CheckedTokens(
      @Min(0) @DefaultValue("10000") int maxEntries,
      @NotNull @DefaultValue("5m") Duration maxAge) {}

  /**
   * @param fhirUserClaim claim with a reference {@code Practitioner/…}, {@code PractitionerRole/…},
   *     {@code Patient/…} or {@code RelatedPerson/…}
   * @param identifierClaim claim with an identifier value (e.g. an NIHDI or SSIN number), used when
   *     the token has no fhirUser claim; empty: not used
   * @param identifierSystems the identifier systems that value is looked up in, among
   *     Practitioner then Patient identifiers
   */
  public record Identity(
      @DefaultValue("fhirUser") String fhirUserClaim,
      @DefaultValue("") String identifierClaim,
      @DefaultValue({
          "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi",
          "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"})
      List<String> identifierSystems) {}

  /**
   * @param authorizationEndpoint where users log in and approve (authorization code flow); empty:
   *     not published
   * @param tokenEndpoint where clients get tokens; empty: not published
   */
  public record Smart(
      @DefaultValue("") String authorizationEndpoint,
      @DefaultValue("") String tokenEndpoint) {}

  /**
   * @param enabled keep what the access checks decided about a user and a person across requests
   *     (reads only), until a write or a period boundary may change it
   * @param maxEntries how many decisions are kept at most; reaching it drops them all
   * @param listenRetry how long an instance on PostgreSQL waits before listening again for the
   *     changes other instances announce, after losing its connection (it keeps nothing meanwhile)
   */
  public record AccessCache(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("100000") @Min(1) int maxEntries,
      @DefaultValue("5s") Duration listenRetry) {}

  /**
   * @param resourceTypes the resource types the client may touch, whatever its scopes; empty: any
   * @param entity the federated entity whose care teams and episodes the client may write; none:
   *     any
   */
  public record SystemClient(Set<String> resourceTypes, Entity entity) {
    public SystemClient {
      resourceTypes = resourceTypes == null ? Set.of() : Set.copyOf(resourceTypes);
    }
  }
}
