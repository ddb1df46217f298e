package be.ifp.carecoord.audit;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the AuditEvents of reads behind the reader's back: a read only puts its records in a
 * bounded queue and never waits for, or fails with, the audit (writes are audited in their own
 * transaction instead, see {@link WriteAuditInterceptor}). One thread writes the queue in
 * batches, one database transaction per burst of reads ({@link Bursts}). When the queue is full
 * or a batch fails, the records are lost and counted ({@code ifp.audit.dropped}, {@code ifp.audit.failed}): an alert on those
 * metrics is part of running the server.
 */
@Component
class AuditQueue {

  private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
  /** How often an idle writer looks whether it is being stopped. */
  private static final Duration IDLE_POLL = Duration.ofMillis(200);

  private final BlockingQueue<AuditRecord> queue;
  private final AuditEventWriter events;
  private final TransactionTemplate transactions;
  private final int batchSize;
  private final Bursts<AuditRecord> bursts;
  private final Counter dropped;
  private final Counter failed;
  private final Thread writer;
  private volatile boolean running = true;

  AuditQueue(AuditProperties properties, AuditEventWriter events, PlatformTransactionManager transactionManager,
      MeterRegistry meters) {
    this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
    this.batchSize = properties.batchSize();
    this.bursts = new Bursts<>(queue, batchSize, properties.batchQuietPeriod(), properties.batchMaxDelay());
    this.dropped = meters.counter("ifp.audit.dropped");
    this.failed = meters.counter("ifp.audit.failed");
    this.writer = new Thread(this::writeUntilStopped, "ifp-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Never blocks: a full queue drops the record. */
  void offer(AuditRecord record) {
    if (!queue.offer(record)) {
      dropped.increment();
    }
  }

  private void writeUntilStopped() {
    List<AuditRecord> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        bursts.next(batch, IDLE_POLL);
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<AuditRecord> batch) {
    try {
      transactions.executeWithoutResult(status -> events.writeInCurrentTransaction(batch, new TransactionDetails()));
    } catch (RuntimeException e) {
      // One bad record (a person deleted meanwhile) must not take the others with it.
      if (batch.size() > 1) {
        batch.forEach(record -> write(List.of(record)));
      } else {
        failed.increment();
        LOG.error("Could not write an audit event: {}", e.toString());
      }
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    writer.join(TimeUnit.SECONDS.toMillis(5));
  }
}
