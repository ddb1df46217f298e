package be.ifp.carecoord.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;

/**
 * How instances sharing one PostgreSQL database tell each other which access decisions a write
 * may have changed: the write sends a notification ({@code NOTIFY}) in its own transaction, which
 * PostgreSQL delivers to every listening instance once the transaction commits; each instance
 * listens on a connection of its own and drops those decisions ({@link AccessDecisionCache}).
 * While that connection is down the instance keeps no decision at all, and listens again after
 * {@code ifp.security.access-cache.listen-retry}.
 */
class PostgresAccessChanges implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresAccessChanges.class);
  static final String CHANNEL = "ifp_access_changes";
  /** Stands for every person; also sent when a write's persons would not fit in one notification. */
  static final String EVERYONE = "*";
  /** PostgreSQL takes payloads under 8000 bytes. */
  private static final int MAX_PAYLOAD = 7000;
  private static final int POLL_MILLIS = 1000;

  private final AccessDecisionCache cache;
  private final EntityManager entityManager;
  private final DataSourceProperties database;
  private final Duration retry;
  private volatile boolean running;
  private Thread listener;

  PostgresAccessChanges(AccessDecisionCache cache, EntityManager entityManager, DataSourceProperties database,
      Duration retry) {
    this.cache = cache;
    this.entityManager = entityManager;
    this.database = database;
    this.retry = retry;
    // Until it listens, this instance would not hear of other instances' writes.
    cache.informed(false);
  }

  /** Within the writing transaction: delivered to every instance if, and once, it commits. */
  void announce(Set<String> persons, boolean everyone) {
    if (!everyone && persons.isEmpty()) {
      return;
    }
    String payload = everyone ? EVERYONE : String.join(",", persons);
    entityManager.createNativeQuery("select pg_notify(:channel, :payload)")
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("channel", CHANNEL)
        .setParameter("payload", payload.length() > MAX_PAYLOAD ? EVERYONE : payload)
        .getSingleResult();
  }

  @Override
  public void start() {
    running = true;
    listener = new Thread(this::listenUntilStopped, "ifp-access-changes");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listenUntilStopped() {
    while (running) {
      try (Connection connection = DriverManager.getConnection(database.determineUrl(),
          database.determineUsername(), database.determinePassword())) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        cache.informed(true);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
          if (received != null) {
            for (PGNotification notification : received) {
              changed(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        cache.informed(false);
        if (running) {
          LOG.warn("Not hearing of other instances' access changes (keeping no access decision): {}; "
              + "listening again in {}", e.toString(), retry);
          pause();
        }
      }
    }
    cache.informed(false);
  }

  private void changed(String payload) {
    if (EVERYONE.equals(payload)) {
      cache.forgetAll();
    } else {
      for (String person : payload.split(",")) {
        cache.forget(person);
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(retry.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
