package be.ifp.carecoord.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once the server is ready, where the data is kept and which URL to open:
 * the two things a first-time user looks for in the log.
 */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
  private static final String H2_FILE_PREFIX = "jdbc:h2:file:";

  private final DataSource dataSource;
  private final FhirServerProperties properties;

  StartupReport(DataSource dataSource, FhirServerProperties properties) {
    this.dataSource = dataSource;
    this.properties = properties;
  }

  // First among the ready listeners: the operator learns where things are straight away.
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void onReady(ApplicationReadyEvent event) {
    log.info("Data: {}", describeDatabase());
    String base = properties.publicBaseUrlOrNull();
    if (base == null && event.getApplicationContext() instanceof WebServerApplicationContext web) {
      base =
          "http://localhost:"
              + web.getWebServer().getPort()
              + RestServerConfiguration.FHIR_PATH;
    }
    log.info("FHIR R4 base ready at {} (capabilities: {}/metadata)", base, base);
  }

  private String describeDatabase() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String url = meta.getURL();
      String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      if (url.startsWith(H2_FILE_PREFIX)) {
        String file = url.substring(H2_FILE_PREFIX.length()).split(";", 2)[0];
        return product + ", file database " + Path.of(file).toAbsolutePath().normalize()
            + ".mv.db";
      }
      // Only the URL: user names and passwords stay out of logs.
      return product + " at " + url.split("\\?", 2)[0];
    } catch (SQLException e) {
      return "database not reachable (" + e.getMessage() + ")";
    }
  }
}
