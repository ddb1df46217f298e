package be.ifp.carecoord.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mints a token signed with the published DEV-ONLY key, for a server in development mode (the
 * only mode that trusts that key). Prints the token. Options: {@code --fhir-user Practitioner/1},
 * {@code --scope "user/*.cruds"}, {@code --client-id}, {@code --patient 123} (launch context),
 * {@code --audience}, {@code --minutes}. See "Security" in the README.
 */
public final class DevTokens {

  private static final Map<String, String> DEFAULTS = Map.of(
      "--scope", "system/*.cruds",
      "--client-id", "dev-tokens",
      "--audience", "ifp-carecoord",
      "--minutes", "60");

  private DevTokens() {}

  public static void main(String[] args) throws JOSEException {
    Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(DevelopmentKey.ISSUER)
        .audience(options.get("--audience"))
        .subject(options.getOrDefault("--fhir-user", options.get("--client-id")))
        .claim("azp", options.get("--client-id"))
        .claim("scope", options.get("--scope"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(Long.parseLong(options.get("--minutes"))))));
    if (options.containsKey("--fhir-user")) {
      claims.claim("fhirUser", options.get("--fhir-user"));
    }
    if (options.containsKey("--patient")) {
      claims.claim("patient", options.get("--patient"));
    }
    SignedJWT token = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(DevelopmentKey.KEY_ID).build(), claims.build());
    token.sign(new RSASSASigner(DevelopmentKey.privateKey()));
    System.out.println(token.serialize());
  }
}
