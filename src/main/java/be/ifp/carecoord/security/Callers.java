package be.ifp.carecoord.security;

import be.ifp.carecoord.security.Caller.ClientLimits;
import be.ifp.carecoord.server.FhirServerProperties;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns the authenticated token of a FHIR request into its {@link Caller}, once per request: the
 * caller is kept on the request (HAPI shares that map with the sub-requests of a transaction, and
 * it survives the hand-over to the threads of a batch, where Spring's security context does not).
 */
@Component
public class Callers {

  private static final String KEY = Callers.class.getName();
  /** The client that requests without a token act as, in development mode only. */
  static final String DEVELOPMENT_CLIENT = "development-without-token";

  private final SecurityProperties properties;
  private final IdentityResolver identities;
  private final String publicBase;

  Callers(SecurityProperties properties, IdentityResolver identities, FhirServerProperties server) {
    this.properties = properties;
    this.identities = identities;
    this.publicBase = server.publicBaseUrl() == null ? "" : server.publicBaseUrl().strip().replaceAll("/+$", "");
  }

  /**
   * The caller of a request coming through the REST API; empty for the server's own work
   * (requests not from a servlet) and for unauthenticated requests outside development mode.
   */
  public Optional<Caller> of(RequestDetails request) {
    if (!(request instanceof ServletRequestDetails servletRequest)) {
      return Optional.empty();
    }
    Object known = request.getUserData().get(KEY);
    if (known != null) {
      return Optional.of((Caller) known);
    }
    Optional<Caller> caller = fromPrincipal(servletRequest.getServletRequest().getUserPrincipal());
    caller.ifPresent(c -> request.getUserData().put(KEY, c));
    return caller;
  }

  /** Whether the request comes through the REST API, where a caller must be known. */
  public static boolean fromOutside(RequestDetails request) {
    return request instanceof ServletRequestDetails;
  }

  private Optional<Caller> fromPrincipal(Principal principal) {
    if (principal instanceof JwtAuthenticationToken token) {
      return Optional.of(fromToken(token.getToken()));
    }
    if (principal == null && properties.development()) {
      // Every scope, the access log's included (a wildcard never reaches it).
      return Optional.of(new Caller(DEVELOPMENT_CLIENT, DEVELOPMENT_CLIENT,
          List.of(SmartScope.parse("system/*.cruds").orElseThrow(), SmartScope.parse("system/AuditEvent.rs").orElseThrow()),
          Optional.empty(), Optional.empty(), ClientLimits.NONE));
    }
    return Optional.empty();
  }

  Caller fromToken(Jwt token) {
    String clientId = firstNonBlank(token.getClaimAsString("azp"), token.getClaimAsString("client_id"), "");
    SecurityProperties.SystemClient configured = properties.systemClients().get(clientId);
    ClientLimits limits = configured == null ? ClientLimits.NONE
        : new ClientLimits(configured.resourceTypes(), Optional.ofNullable(configured.entity()));
    return new Caller(
        clientId,
        firstNonBlank(token.getSubject(), clientId, ""),
        scopes(token),
        fhirUser(token),
        Optional.ofNullable(token.getClaimAsString("patient")).filter(p -> !p.isBlank()).map(p -> "Patient/" + p),
        limits);
  }

  private Optional<String> fhirUser(Jwt token) {
    String reference = token.getClaimAsString(properties.identity().fhirUserClaim());
    if (reference != null && !reference.isBlank()) {
      return Optional.of(localReference(reference));
    }
    String identifierClaim = properties.identity().identifierClaim();
    if (identifierClaim.isBlank()) {
      return Optional.empty();
    }
    String identifier = token.getClaimAsString(identifierClaim);
    return identifier == null || identifier.isBlank() ? Optional.empty()
        : identities.resolve(identifier.strip(), properties.identity().identifierSystems());
  }

  /**
   * {@code Practitioner/1}, and the same under this server's public base URL
   * ({@code ifp.server.public-base-url}), name a user of this server. An absolute reference to
   * another server is kept whole: it names nobody here (it reaches no person), rather than
   * whoever has the same id on this server.
   */
  private String localReference(String reference) {
    String value = reference.strip();
    if (!value.contains("://")) {
      return value;
    }
    return !publicBase.isEmpty() && value.startsWith(publicBase + "/") ? value.substring(publicBase.length() + 1) : value;
  }

  /** SMART puts scopes in {@code scope} (space-separated); some servers use {@code scp} (a list). */
  private static List<SmartScope> scopes(Jwt token) {
    List<String> names = new ArrayList<>();
    for (String claim : List.of("scope", "scp")) {
      Object value = token.getClaims().get(claim);
      if (value instanceof String text) {
        names.addAll(List.of(text.trim().split("\\s+")));
      } else if (value instanceof Collection<?> list) {
        list.forEach(v -> names.add(String.valueOf(v)));
      }
    }
    List<SmartScope> scopes = new ArrayList<>();
    names.forEach(name -> SmartScope.parse(name).ifPresent(scopes::add));
    return scopes;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }
}
