package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.RELATED_PERSON;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;

import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;

/** The tokens of the callers the access policy names, all real JWTs of the test authority. */
final class Attackers {

  static final String ALL_USER_SCOPES = "user/*.cruds";

  private Attackers() {}

  /** A professional: the care provider in the person's team (P1 for A, P2 for B). */
  static String teamMember(PersonFile file, String scope) {
    return TestTokens.user(file.id(TEAM_ROLE), scope);
  }

  static String person(PersonFile file, String scope) {
    return TestTokens.user(file.id(PATIENT), scope);
  }

  /** The person's informal carer (her RelatedPerson), permitted by the person's Consent. */
  static String carer(PersonFile file, String scope) {
    return TestTokens.user(file.id(RELATED_PERSON), scope);
  }

  /** A platform with every system/ scope that is not the tests' default one (and no administrator). */
  static String otherPlatform() {
    return TestTokens.token().clientId("attack-other-platform").scope("system/*.cruds").mint();
  }

  /** The access policy's audit reader: a platform that names AuditEvent explicitly. */
  static String auditReader(String letters) {
    return TestTokens.token().clientId("attack-audit-reader").scope("system/AuditEvent." + letters).mint();
  }

  /** A professional's token signed by the trusted key, with everything but an {@code exp}. */
  static String withoutExpiry(String fhirUser, String scope) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(TestAuthority.ISSUER)
        .audience(TestAuthority.AUDIENCE)
        .issueTime(new Date(System.currentTimeMillis() - 60_000))
        .claim("azp", "test-client").claim("fhirUser", fhirUser).subject(fhirUser).claim("scope", scope)
        .build();
    try {
      SignedJWT token = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestAuthority.signingKey().getKeyID()).build(), claims);
      token.sign(new RSASSASigner(TestAuthority.signingKey()));
      return token.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
