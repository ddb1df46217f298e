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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the AuditEvents of reads behind the reader's back: a read only puts its records in a
 * bounded queue and never waits for its audit (writes are audited in their own transaction
 * instead, see {@link WriteAuditInterceptor}). One thread writes the queue in batches, one
 * database transaction per burst of reads ({@link Bursts}).
 *
 * <p>No record is lost without the operator being told. A record the full queue cannot take is
 * refused to its caller ({@link #offer} answers {@code false}; the read is then refused too) and
 * counted ({@code ifp.audit.dropped}). A failing batch is retried record by record; a record that
 * still fails is stored as a minimal event ({@code ifp.audit.minimal}, see
 * {@link AuditRecord#toMinimalAuditEvent}); only when even that fails is it lost, counted
 * ({@code ifp.audit.failed}) and logged as an error, as are the records still queued when the
 * server stops. An alert on those metrics is part of running the server.
 */
@Component
class AuditQueue {

  private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
  /** How often an idle writer looks whether it is being stopped. */
  private static final Duration IDLE_POLL = Duration.ofMillis(200);
  /** How long a stopping server lets the writer store what is queued. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final BlockingQueue<AuditRecord> queue;
  private final AuditEventWriter events;
  private final TransactionTemplate transactions;
  private final int batchSize;
  private final Bursts<AuditRecord> bursts;
  private final Counter dropped;
  private final Counter failed;
  private final AtomicBoolean full = new AtomicBoolean();
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

  /**
   * Never blocks. Answers {@code false} when the queue is full: the record is not kept, and the
   * caller must not serve what it records. Logged once each time the queue fills up.
   */
  boolean offer(AuditRecord record) {
    if (queue.offer(record)) {
      if (full.compareAndSet(true, false)) {
        LOG.warn("The audit queue takes records again");
      }
      return true;
    }
    dropped.increment();
    if (full.compareAndSet(false, true)) {
      LOG.error("The audit queue is full ({} records): reads are refused until the audit writer catches up",
          queue.size());
    }
    return false;
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
      transactions.executeWithoutResult(status -> events.writeReadsInCurrentTransaction(batch, new TransactionDetails()));
    } catch (RuntimeException e) {
      // One bad record must not take the others with it.
      if (batch.size() > 1) {
        batch.forEach(record -> write(List.of(record)));
      } else {
        writeMinimal(batch.get(0), e);
      }
    }
  }

  private void writeMinimal(AuditRecord record, RuntimeException cause) {
    LOG.warn("Could not write an audit event in full, writing a minimal one: {}", cause.toString());
    try {
      transactions.executeWithoutResult(status -> events.writeMinimalInCurrentTransaction(record, new TransactionDetails()));
    } catch (RuntimeException e) {
      failed.increment();
      LOG.error("Could not write an audit event: this {} of {} by {} is not in the access log: {}",
          record.interaction(), record.patient(), record.caller().who(), e.toString());
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    writer.join(STOP_WAIT.toMillis());
    int left = queue.size();
    if (left > 0) {
      failed.increment(left);
      LOG.error("{} audit records were still queued when the server stopped and are not in the access log", left);
    }
  }
}
