package be.ifp.carecoord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real server on a random port over a fresh embedded H2 file database (the default). */
// Metrics export (Prometheus) is off in Spring Boot tests unless asked for.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class H2ServerTest extends FhirServerTestBase {

  private static final Path DATA_DIR = newDataDir();

  @DynamicPropertySource
  static void h2DataDir(DynamicPropertyRegistry registry) {
    registry.add("ifp.server.data-dir", DATA_DIR::toString);
  }

  private static Path newDataDir() {
    try {
      return Files.createTempDirectory("ifp-carecoord-h2-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
