package be.ifp.carecoord.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores AuditEvents in the current transaction: those of writes in the transaction that is about
 * to commit, those of reads in the audit queue's own (see {@link AuditQueue}). As the server's own
 * work (a system request): the access checks and the audit itself leave these alone.
 *
 * <p>A transaction Bundle's session can hold thousands of entities, and each query Hibernate runs
 * with automatic flushing dirty-checks them all: the events are stored with flushing left to the
 * commit, and with HAPI's account of the write, which resolves their references to what it has
 * just stored without asking the database; the other resources they refer to are looked up
 * together ({@link EventTargets}).
 */
@Component
class AuditEventWriter {

  private final DaoRegistry daos;
  private final EventTargets targets;
  private final EntityManager entityManager;
  private final Counter written;
  private final Counter minimal;

  AuditEventWriter(DaoRegistry daos, EventTargets targets, EntityManagerFactory entityManagerFactory,
      MeterRegistry meters) {
    this.daos = daos;
    this.targets = targets;
    this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
    this.written = meters.counter("ifp.audit.written");
    this.minimal = meters.counter("ifp.audit.minimal");
  }

  /**
   * Stores the events of writes. What they are about exists: a resource written by this
   * transaction and not flushed yet is not found by the lookup, and a deleted one is named
   * already; only a user unknown here is named rather than referred to.
   */
  void writeInCurrentTransaction(List<AuditRecord> records, TransactionDetails transaction) {
    Set<String> users = records.stream().flatMap(r -> r.caller().fhirUser().stream()).collect(Collectors.toSet());
    store(transaction, written, records.size(), () -> {
      Set<String> absent = targets.resolve(references(records), transaction);
      absent.retainAll(users);
      return records.stream().map(r -> r.toAuditEvent(absent)).toList();
    });
  }

  /**
   * Stores the events of reads and refusals, written after the fact: what they name may have
   * been deleted since, or never have been stored here (a user from elsewhere), and is named.
   */
  void writeReadsInCurrentTransaction(List<AuditRecord> records, TransactionDetails transaction) {
    store(transaction, written, records.size(), () -> {
      Set<String> absent = targets.resolve(references(records), transaction);
      return records.stream().map(r -> r.toAuditEvent(absent)).toList();
    });
  }

  /** Stores what is kept of an event that could not be stored in full (see {@link AuditRecord#toMinimalAuditEvent}). */
  void writeMinimalInCurrentTransaction(AuditRecord record, TransactionDetails transaction) {
    store(transaction, minimal, 1,
        () -> List.of(record.toMinimalAuditEvent(targets.resolve(Set.of(record.patient()), transaction))));
  }

  private static Set<String> references(List<AuditRecord> records) {
    Set<String> references = new LinkedHashSet<>();
    records.forEach(record -> references.addAll(record.references()));
    return references;
  }

  /** The events are made once flushing is left to the commit: looking up their targets is a query. */
  private void store(TransactionDetails transaction, Counter counter, int records, Supplier<List<AuditEvent>> events) {
    IFhirResourceDao<AuditEvent> dao = daos.getResourceDao(AuditEvent.class);
    FlushModeType flushMode = entityManager.getFlushMode();
    entityManager.setFlushMode(FlushModeType.COMMIT);
    try {
      for (AuditEvent event : events.get()) {
        dao.create(event, null, true, new SystemRequestDetails(), transaction);
      }
    } finally {
      entityManager.setFlushMode(flushMode);
    }
    // Counted once stored for good: a rolled back write leaves no AuditEvent either.
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        counter.increment(records);
      }
    });
  }
}
