package be.ifp.carecoord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaStampTest {

  private static final Map<String, String> UPDATING = Map.of("hibernate.hbm2ddl.auto", "update",
      "hibernate.dialect", "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect");

  private final JdbcDataSource database = new JdbcDataSource();

  SchemaStampTest() {
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Test
  void aFirstStart_updatesTheSchema_andTheNextStartOfTheSameVersionDoesNot() {
    SchemaStamp first = stamp(false);
    assertThat(first.startingProperties(UPDATING)).containsEntry("hibernate.hbm2ddl.auto", "update");
    first.recordOnceUp();

    assertThat(stamp(false).startingProperties(UPDATING)).containsEntry("hibernate.hbm2ddl.auto", "none");
  }

  @Test
  void aStartThatNeverCameUp_leavesTheNextStartUpdating() {
    stamp(false).startingProperties(UPDATING);

    assertThat(stamp(false).startingProperties(UPDATING)).containsEntry("hibernate.hbm2ddl.auto", "update");
  }

  @Test
  void anotherVersionsStamp_updatesTheSchema() throws SQLException {
    SchemaStamp first = stamp(false);
    first.startingProperties(UPDATING);
    first.recordOnceUp();
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("update " + SchemaStamp.TABLE + " set STAMP = 'hapi 8.6.0; an older server'");
    }

    assertThat(stamp(false).startingProperties(UPDATING)).containsEntry("hibernate.hbm2ddl.auto", "update");
  }

  @Test
  void checkingEveryStart_alwaysUpdates() {
    SchemaStamp first = stamp(true);
    first.startingProperties(UPDATING);
    first.recordOnceUp();

    assertThat(stamp(true).startingProperties(UPDATING)).containsEntry("hibernate.hbm2ddl.auto", "update");
  }

  private SchemaStamp stamp(boolean checkCurrentSchema) {
    return new SchemaStamp(database, new FhirServerProperties(Path.of("data"), "", 20, 200, Duration.ofSeconds(10),
        Duration.ZERO, checkCurrentSchema));
  }
}
