package be.ifp.carecoord.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

/**
 * Debian and Ubuntu builds of PostgreSQL report versions such as "15.19 (Debian
 * 15.19-0+deb12u1)"; an earlier HAPI starter crashed parsing that (NumberFormatException on
 * "(Debian"). The dialect we configure must take it.
 */
class PostgresDialectOnDebianTest {

  @Test
  void debianVersionString_givesTheRightDialectVersion() {
    HapiFhirPostgresDialect dialect = new HapiFhirPostgresDialect(debian("15.19 (Debian 15.19-0+deb12u1)", 15, 19));

    assertThat(dialect.getVersion().isSameOrAfter(15, 19)).isTrue();
    assertThat(dialect.getVersion().isBefore(16)).isTrue();
  }

  @Test
  void ubuntuPgdgVersionString_givesTheRightDialectVersion() {
    HapiFhirPostgresDialect dialect = new HapiFhirPostgresDialect(debian("17.5 (Ubuntu 17.5-1.pgdg24.04+1)", 17, 5));

    assertThat(dialect.getVersion().isSameOrAfter(17, 5)).isTrue();
  }

  private static DialectResolutionInfo debian(String versionString, int major, int minor) {
    return new DialectResolutionInfo() {
      @Override public String getDatabaseName() { return "PostgreSQL"; }
      @Override public String getDatabaseVersion() { return versionString; }
      @Override public int getDatabaseMajorVersion() { return major; }
      @Override public int getDatabaseMinorVersion() { return minor; }
      @Override public int getDatabaseMicroVersion() { return DatabaseVersion.NO_VERSION; }
      @Override public String getDriverName() { return "PostgreSQL JDBC Driver"; }
      @Override public int getDriverMajorVersion() { return 42; }
      @Override public int getDriverMinorVersion() { return 7; }
      @Override public String getSQLKeywords() { return ""; }
    };
  }
}
