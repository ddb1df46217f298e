package be.ifp.carecoord.support;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real server on a random port with the {@code postgres} profile, over a database of the
 * embedded PostgreSQL 17 server.
 */
// Metrics export (Prometheus) is off in Spring Boot tests unless asked for.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
public abstract class PostgresServerTest extends FhirServerTestBase {

  private static String jdbcUrl;

  @DynamicPropertySource
  static void postgresDataSource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresServerTest::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /** The JDBC URL of this server's database, for a second server instance on the same data. */
  protected static synchronized String jdbcUrl() {
    if (jdbcUrl == null) {
      jdbcUrl = EmbeddedPostgresDatabase.newDatabase();
    }
    return jdbcUrl;
  }
}
