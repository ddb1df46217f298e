package be.ifp.carecoord.server;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.CarecoordApplication;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The default H2 file database keeps its data across a restart, and the log says where. */
@ExtendWith(OutputCaptureExtension.class)
class H2RestartPersistenceIT {

  @Test
  void resourceCreatedBeforeARestart_isReadableAfterIt(@TempDir Path dataDir, CapturedOutput output) {
    String value = TestData.uniqueValue();
    IdType id;
    try (ConfigurableApplicationContext first = start(dataDir)) {
      id = (IdType) client(first).create().resource(TestData.patient(value)).execute()
          .getId().toUnqualifiedVersionless();
    }

    try (ConfigurableApplicationContext second = start(dataDir)) {
      Patient read = client(second).read().resource(Patient.class).withId(id).execute();

      assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(value);
    }
    assertThat(output.getOut())
        .contains("file database " + dataDir.resolve("h2").resolve("carecoord.mv.db"))
        .containsPattern("FHIR R4 base ready at http://localhost:\\d+/fhir");
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    // Command-line arguments: they override application.yaml, as they would for an operator.
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--ifp.server.data-dir=" + dataDir));
    args.addAll(TestAuthority.serverArguments());
    return new SpringApplicationBuilder(CarecoordApplication.class).run(args.toArray(String[]::new));
  }

  private static ca.uhn.fhir.rest.client.api.IGenericClient client(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return FhirServerAccess.platformClient("http://localhost:" + port + "/fhir");
  }
}
