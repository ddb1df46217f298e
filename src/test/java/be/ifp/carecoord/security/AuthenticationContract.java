package be.ifp.carecoord.security;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens through the real REST API: who gets in (401 otherwise, with a Bearer challenge
 * and an OperationOutcome), what is open without a token, and how the server tells clients.
 */
public interface AuthenticationContract extends FhirServerAccess {

  private void assertRefused401(HttpResponse<String> response) {
    assertOutcome(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
  }

  private HttpResponse<String> searchPatientsWith(FhirHttp client) {
    return client.get("/fhir/Patient?identifier=" + TestData.TEST_SYSTEM + "%7Cx");
  }

  @Test
  default void noToken_is401WithBearerChallengeAndOperationOutcome() {
    assertRefused401(searchPatientsWith(http().withoutToken()));
    assertRefused401(http().withoutToken().post("/fhir/Patient", FHIR_JSON, TestData.patientJson(TestData.uniqueValue())));
    assertRefused401(http().withoutToken().get("/fhir"));
  }

  @Test
  default void badTokens_are401() {
    String expired = TestTokens.token().scope("system/*.cruds").expiredAgo(Duration.ofMinutes(5)).mint();
    String otherIssuer = TestTokens.token().scope("system/*.cruds").issuer("https://elsewhere.test.invalid").mint();
    String otherAudience = TestTokens.token().scope("system/*.cruds").audience("another-server").mint();
    String badSignature = TestTokens.token().scope("system/*.cruds").signedByStranger().mint();
    String tampered = TestTokens.platform().substring(0, TestTokens.platform().length() - 4) + "AAAA";

    for (String token : new String[] {expired, otherIssuer, otherAudience, badSignature, tampered, "not-a-jwt"}) {
      assertRefused401(searchPatientsWith(http().withToken(token)));
    }
  }

  @Test
  default void validToken_isServed() {
    assertThat(searchPatientsWith(http().withToken(TestTokens.token().scope("system/Patient.rs").mint())).statusCode())
        .isEqualTo(200);
  }

  @Test
  default void capabilityStatement_isOpenAndDeclaresSmart() {
    HttpResponse<String> response = http().withoutToken().get("/fhir/metadata");

    assertThat(response.statusCode()).isEqualTo(200);
    CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, response.body());
    assertThat(statement.getRestFirstRep().getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("SMART-on-FHIR");
    assertThat(statement.getRestFirstRep().getSecurity().getDescription()).doesNotContain("DEVELOPMENT");
  }

  @Test
  default void smartConfiguration_isOpenAndNamesTheIssuerAndScopes() {
    HttpResponse<String> response = http().withoutToken().get("/fhir/.well-known/smart-configuration");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"issuer\":\"" + TestAuthority.ISSUER + "\"")
        .contains("permission-v2").contains("user/*.cruds");
  }

  @Test
  default void healthIsOpen_metricsAreNot() {
    assertThat(http().withoutToken().get("/manage/health/readiness").statusCode()).isEqualTo(200);
    assertThat(http().withoutToken().get("/manage/info").statusCode()).isEqualTo(200);
    assertRefused401(http().withoutToken().get("/manage/prometheus"));
  }

  @Test
  default void aTokenWithoutExpiry_is401_everyTime() {
    String forever = TestTokens.token().scope("system/*.cruds").withoutExpiry().mint();

    // Twice: a token remembered after its first check would be served the second time.
    assertRefused401(searchPatientsWith(http().withToken(forever)));
    HttpResponse<String> again = searchPatientsWith(http().withToken(forever));
    assertRefused401(again);
    assertThat(again.body()).contains("exp claim");
  }

  /** The operator's scope opens metrics; valid tokens of everyone else are 403, with nothing of the metrics. */
  @Test
  default void metrics_needTheOperatorScope() {
    String person = TestTokens.user("Patient/" + TestData.uniqueValue(), "patient/*.cruds");
    String professional = TestTokens.user("PractitionerRole/" + TestData.uniqueValue(), "user/*.cruds");

    for (String token : new String[] {person, professional, TestTokens.platform()}) {
      for (String path : new String[] {"/manage/prometheus", "/manage"}) {
        HttpResponse<String> refused = http().withToken(token).get(path);
        assertOutcome(refused, 403);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
            challenge -> assertThat(challenge).startsWith("Bearer").contains("insufficient_scope"));
        assertThat(refused.body()).contains("ifp/operator").doesNotContain("# HELP").doesNotContain("jvm_");
      }
    }
    HttpResponse<String> metrics = http().withToken(TestTokens.operator()).get("/manage/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# HELP").contains("jvm_memory_used_bytes");
  }

  /**
   * Anyone can send tokens with made-up key ids: each would make the server fetch the issuer's
   * JWKS again. It does so at most once per interval, keeps serving tokens with known keys, and
   * finds a key the issuer rotated in once the interval has passed.
   */
  @Test
  default void unknownKeyIds_refetchTheJwks_atMostOncePerInterval() throws InterruptedException {
    Duration interval = TestAuthority.JWKS_REFETCH_INTERVAL;
    // Fresh tokens with the known key each time: a token seen before is not checked again at all.
    List<String> known = new ArrayList<>();
    List<String> flood = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      known.add(TestTokens.token().scope("system/Patient.rs").claim("jti", UUID.randomUUID().toString()).mint());
      flood.add(TestTokens.token().scope("system/*.cruds")
          .signedWith(TestAuthority.unpublishedKey(UUID.randomUUID().toString())).mint());
    }
    RSAKey rotated = TestAuthority.newSigningKey();
    String signedWithRotated = TestTokens.token().scope("system/Patient.rs").signedWith(rotated).mint();
    assertThat(searchPatientsWith(http().withToken(TestTokens.platform())).statusCode()).isEqualTo(200);
    Thread.sleep(interval.toMillis());

    // The first unknown key id after a quiet interval is looked up at the issuer.
    int before = TestAuthority.jwksFetches();
    long sent = System.nanoTime();
    assertRefused401(searchPatientsWith(http().withToken(flood.get(0))));
    long answered = System.nanoTime();
    assertThat(TestAuthority.jwksFetches()).isEqualTo(before + 1);

    // A key rotated in right after is not looked for yet: the refetch was just done.
    TestAuthority.publish(rotated);
    assertRefused401(searchPatientsWith(http().withToken(signedWithRotated)));
    for (int i = 0; i < flood.size(); i++) {
      assertRefused401(searchPatientsWith(http().withToken(flood.get(i))));
      assertThat(searchPatientsWith(http().withToken(known.get(i))).statusCode()).isEqualTo(200);
    }

    // Once the interval has passed, the rotated key is fetched (by this token, or by one of the
    // flood if it outlasted the interval) and its token served.
    Thread.sleep(Math.max(0, interval.toMillis() - Duration.ofNanos(System.nanoTime() - answered).toMillis()) + 50);
    assertThat(searchPatientsWith(http().withToken(signedWithRotated)).statusCode()).isEqualTo(200);
    long intervalsPassed = Duration.ofNanos(System.nanoTime() - sent).dividedBy(interval);
    assertThat(TestAuthority.jwksFetches() - before).isBetween(2, 1 + (int) intervalsPassed);
  }
}
