package be.ifp.carecoord.server;

import ca.uhn.fhir.util.VersionUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which server version last brought the database's schema up to date, kept in the database
 * itself (table {@value #TABLE}). Hibernate's schema update reads the whole catalogue of HAPI's
 * hundred-odd tables on every start, though only a new version (of the server, HAPI, Hibernate or
 * the database dialect) can change them: a start by the version that already did it skips the
 * update ({@code ifp.server.check-current-schema=false}, the default). The stamp is written once
 * the server is up, so a start that failed half-way is followed by a full update.
 */
@Component
class SchemaStamp {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaStamp.class);
  static final String TABLE = "IFP_SCHEMA_STAMP";
  private static final String SCHEMA_ACTION = "hibernate.hbm2ddl.auto";
  private static final String UPDATE = "update";

  private final DataSource dataSource;
  private final boolean alwaysCheck;
  private volatile String stamp;

  SchemaStamp(DataSource dataSource, FhirServerProperties properties) {
    this.dataSource = dataSource;
    this.alwaysCheck = properties.checkCurrentSchema();
  }

  /** The JPA properties to start with: without the schema update when this version already did it. */
  Map<String, Object> startingProperties(Map<String, String> configured) {
    Map<String, Object> properties = new HashMap<>(configured);
    stamp = "hapi " + VersionUtil.getVersion() + "; hibernate " + Version.getVersionString() + "; server "
        + serverVersion() + "; dialect " + configured.get("hibernate.dialect");
    if (!alwaysCheck && UPDATE.equals(configured.get(SCHEMA_ACTION)) && stamp.equals(recorded())) {
      properties.put(SCHEMA_ACTION, "none");
      LOG.info("Schema already brought up to date by this version ({}): Hibernate's schema update skipped", stamp);
    }
    return properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void recordOnceUp() {
    if (stamp == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("create table if not exists " + TABLE + " (STAMP varchar(500) not null)");
        statement.executeUpdate("delete from " + TABLE);
      }
      try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " (STAMP) values (?)")) {
        insert.setString(1, stamp);
        insert.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      // Only the next start's speed depends on it.
      LOG.warn("Could not record the schema version; the next start updates the schema again: {}", e.toString());
    }
  }

  /** The stamp in the database; null when there is none (a first start). */
  private String recorded() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (!tableExists(connection)) {
        return null;
      }
      try (ResultSet rows = statement.executeQuery("select STAMP from " + TABLE)) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      LOG.warn("Could not read the schema version; updating the schema: {}", e.toString());
      return null;
    }
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    for (String name : new String[] {TABLE, TABLE.toLowerCase()}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String serverVersion() {
    String version = SchemaStamp.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
