package be.ifp.carecoord.server;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.ServerProcess;
import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestData;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starts with the documented heap limit and serves FHIR: the artifact an
 * operator runs has everything on its class path (the test class path has more).
 */
class PackagedJarSmokeIT {

  @Test
  void packagedJar_startsWithin768MbHeapAndServesFhir(@TempDir Path dataDir) throws Exception {
    List<String> args = new ArrayList<>(List.of("--ifp.server.data-dir=" + dataDir));
    args.addAll(TestAuthority.serverArguments());
    try (ServerProcess server = ServerProcess.start(List.of("-Xmx768m"), args, Map.of())) {
      server.awaitReady();
      var client = FhirServerAccess.platformClient(server.fhirBase());

      var id = client.create().resource(TestData.patient(TestData.uniqueValue())).execute().getId();
      Patient read = client.read().resource(Patient.class).withId(id.toUnqualifiedVersionless()).execute();

      assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Janssens");
      assertThat(Files.readString(server.log())).contains("FHIR R4 base ready at");
    }
  }
}
