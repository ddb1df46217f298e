package be.ifp.carecoord.security;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
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
    assertRefused401(http().withoutToken().get("/manage/prometheus"));
  }
}
