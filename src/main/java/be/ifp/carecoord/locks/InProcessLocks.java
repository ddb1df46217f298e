package be.ifp.carecoord.locks;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks inside this JVM, for the embedded H2 database: only one process can open an H2 file
 * database, so a lock in the process is a lock on the database. A fixed set of stripes keeps
 * memory bounded; a lock not obtained in time (e.g. two transactions each holding a key the
 * other wants) answers 409 so the client can retry.
 */
final class InProcessLocks implements TransactionLocks {

  private final ReentrantLock[] stripes;
  private final Duration timeout;

  InProcessLocks(int stripeCount, Duration timeout) {
    this.stripes = new ReentrantLock[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.timeout = timeout;
  }

  @Override
  public void lockForTransaction(String key) {
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
    try {
      if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ResourceVersionConflictException(
            "Another write of " + key + " is in progress; retry the request");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResourceVersionConflictException("Interrupted while waiting to write " + key);
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        lock.unlock();
      }
    });
  }
}
