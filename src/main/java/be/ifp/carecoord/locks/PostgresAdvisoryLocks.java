package be.ifp.carecoord.locks;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;

/**
 * PostgreSQL transaction-scoped advisory locks: they hold across every server instance that
 * shares the database, and PostgreSQL releases them at commit or rollback.
 */
final class PostgresAdvisoryLocks implements TransactionLocks {

  /** PostgreSQL's SQLSTATE for a detected deadlock. */
  private static final String DEADLOCK = "40P01";

  /** Keeps our lock keys apart from advisory locks other software may take in the database. */
  private static final String NAMESPACE = "ifp-carecoord:";

  private final EntityManager entityManager;

  PostgresAdvisoryLocks(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void lockForTransaction(String key) {
    try {
      entityManager
          .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
          .setParameter("key", NAMESPACE + key)
          .getSingleResult();
    } catch (RuntimeException e) {
      if (isDeadlock(e)) {
        // Two transactions locking the same keys in opposite order: one loses, and may retry.
        throw new ResourceVersionConflictException(
            "Another write of " + key + " was in progress; retry the request");
      }
      throw e;
    }
  }

  private static boolean isDeadlock(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
