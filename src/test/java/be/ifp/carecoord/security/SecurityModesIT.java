package be.ifp.carecoord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.ifp.carecoord.CarecoordApplication;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two modes as an operator meets them: without configuration the server refuses to start
 * rather than serve data without tokens; the {@code dev} profile refuses to start with an issuer
 * configured, serves without a token, says so loudly, and trusts the published dev-only key but
 * no other issuer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityModesIT {

  @Test
  void withoutAnIssuer_theServerDoesNotStart(@TempDir Path dataDir) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(CarecoordApplication.class)
        .run("--server.port=0", "--ifp.server.data-dir=" + dataDir).close())
        .hasStackTraceContaining("ifp.security.jwt.issuer and ifp.security.jwt.jwks-url must be set");
  }

  /** A production configuration that gets the dev profile by mistake stops rather than serve everyone. */
  @Test
  void devProfile_withAnIssuerConfigured_doesNotStart(@TempDir Path dataDir) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(CarecoordApplication.class).profiles("dev")
        .run("--server.port=0", "--ifp.server.data-dir=" + dataDir,
            "--ifp.security.jwt.issuer=https://login.example.be/realms/ifp").close())
        .hasStackTraceContaining("Development mode")
        .hasStackTraceContaining("remove ifp.security.jwt.issuer and ifp.security.jwt.jwks-url");
    assertThatThrownBy(() -> new SpringApplicationBuilder(CarecoordApplication.class)
        .run("--server.port=0", "--ifp.server.data-dir=" + dataDir, "--ifp.security.mode=development",
            "--ifp.security.jwt.jwks-url=https://login.example.be/realms/ifp/protocol/openid-connect/certs").close())
        .hasStackTraceContaining("remove the 'dev' profile and ifp.security.mode=development");
  }

  @Test
  void devProfile_servesWithoutToken_saysSoLoudly_andTrustsOnlyTheDevKey(@TempDir Path dataDir, CapturedOutput output)
      throws Exception {
    try (ConfigurableApplicationContext dev = new SpringApplicationBuilder(CarecoordApplication.class)
        .profiles("dev").run("--server.port=0", "--ifp.server.data-dir=" + dataDir)) {
      FhirHttp anonymous = new FhirHttp("http://localhost" + ":" + ((WebServerApplicationContext) dev).getWebServer().getPort())
          .withoutToken();

      assertThat(anonymous.post("/fhir/Patient", FhirHttp.FHIR_JSON, TestData.patientJson(TestData.uniqueValue()))
          .statusCode()).isEqualTo(201);
      CapabilityStatement statement = FhirServerAccess.FHIR.newJsonParser()
          .parseResource(CapabilityStatement.class, anonymous.get("/fhir/metadata").body());
      assertThat(statement.getRestFirstRep().getSecurity().getDescription()).startsWith("DEVELOPMENT MODE: NOT SECURE");
      // Before the line that tells the operator where to connect, not lost among later ones.
      assertThat(output.getOut()).contains("DEVELOPMENT MODE: NOT SECURE").contains("FHIR R4 base ready at");
      assertThat(output.getOut().indexOf("DEVELOPMENT MODE: NOT SECURE"))
          .isLessThan(output.getOut().indexOf("FHIR R4 base ready at"));

      // A token of the tests' issuer is not trusted here; one signed with the dev-only key is.
      assertThat(anonymous.withToken(TestTokens.platform()).get("/fhir/Patient").statusCode()).isEqualTo(401);
      String devToken = mintDevToken("--fhir-user", "Practitioner/nobody", "--scope", "user/*.rs");
      assertThat(anonymous.withToken(devToken).get("/fhir/Patient?_total=accurate").body()).contains("\"total\":0");
    }
  }

  /** What the README tells a developer to run, in this JVM. */
  private static String mintDevToken(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      DevTokens.main(args);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8).strip();
  }
}
