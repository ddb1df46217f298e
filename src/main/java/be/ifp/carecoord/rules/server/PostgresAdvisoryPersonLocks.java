package be.ifp.carecoord.rules.server;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;

/**
 * PostgreSQL transaction-scoped advisory locks, one per person: they hold across every server
 * instance that shares the database, and PostgreSQL releases them at commit or rollback.
 */
final class PostgresAdvisoryPersonLocks implements PersonLocks {

  /** PostgreSQL's SQLSTATE for a detected deadlock. */
  private static final String DEADLOCK = "40P01";

  private final EntityManager entityManager;

  PostgresAdvisoryPersonLocks(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void lockForTransaction(String person) {
    try {
      entityManager
          .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
          .setParameter("key", "ifp-person:" + person)
          .getSingleResult();
    } catch (RuntimeException e) {
      if (isDeadlock(e)) {
        // Two transactions locking the same persons in opposite order: one loses, and may retry.
        throw new ResourceVersionConflictException(
            "Another write for " + person + " was in progress; retry the request");
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
