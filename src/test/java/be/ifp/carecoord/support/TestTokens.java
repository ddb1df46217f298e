package be.ifp.carecoord.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens of the {@link TestAuthority}: valid ones with any claims, and every kind of bad one. */
public final class TestTokens {

  /**
   * The client that tests act as unless they say otherwise: a trusted platform with every scope,
   * and a reader of the audit trail (which a wildcard never reaches).
   */
  public static final String PLATFORM_CLIENT = "test-platform";

  private static final String PLATFORM = token().clientId(PLATFORM_CLIENT).scope("system/*.cruds system/AuditEvent.rs")
      .validFor(Duration.ofHours(24)).mint();

  private String issuer = TestAuthority.ISSUER;
  private List<String> audience = List.of(TestAuthority.AUDIENCE);
  private Instant expires = Instant.now().plus(Duration.ofHours(1));
  private RSAKey key = TestAuthority.signingKey();
  private final Map<String, Object> claims = new LinkedHashMap<>();

  private TestTokens() {
    claims.put("azp", "test-client");
  }

  /** The default token: the platform client with {@code system/*.cruds}. */
  public static String platform() {
    return PLATFORM;
  }

  /** An operator's client (a metrics scraper): the operator scope only. */
  public static String operator() {
    return token().clientId("metrics-scraper").scope("ifp/operator").mint();
  }

  public static TestTokens token() {
    return new TestTokens();
  }

  /** A professional's or person's token: {@code fhirUser} and user/ or patient/ scopes. */
  public static String user(String fhirUser, String scope) {
    return token().fhirUser(fhirUser).scope(scope).mint();
  }

  public TestTokens clientId(String clientId) {
    return claim("azp", clientId);
  }

  public TestTokens scope(String scope) {
    return claim("scope", scope);
  }

  public TestTokens fhirUser(String reference) {
    return claim("fhirUser", reference).claim("sub", reference);
  }

  public TestTokens claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  public TestTokens issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public TestTokens audience(String... audience) {
    this.audience = List.of(audience);
    return this;
  }

  public TestTokens validFor(Duration duration) {
    this.expires = Instant.now().plus(duration);
    return this;
  }

  public TestTokens expiredAgo(Duration ago) {
    this.expires = Instant.now().minus(ago);
    return this;
  }

  /** No {@code exp} claim: a token that would never expire. */
  public TestTokens withoutExpiry() {
    this.expires = null;
    return this;
  }

  public TestTokens signedWith(RSAKey key) {
    this.key = key;
    return this;
  }

  /** Signed by a key the server's JWKS does not hold. */
  public TestTokens signedByStranger() {
    this.key = TestAuthority.strangerKey();
    return this;
  }

  public String mint() {
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(1))))
        .expirationTime(expires == null ? null : Date.from(expires));
    claims.forEach(set::claim);
    try {
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
      token.sign(new RSASSASigner(key));
      return token.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
