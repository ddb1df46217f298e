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
import java.util.List;
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

  AuditEventWriter(DaoRegistry daos, EventTargets targets, EntityManagerFactory entityManagerFactory,
      MeterRegistry meters) {
    this.daos = daos;
    this.targets = targets;
    this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
    this.written = meters.counter("ifp.audit.written");
  }

  void writeInCurrentTransaction(List<AuditRecord> records, TransactionDetails transaction) {
    IFhirResourceDao<AuditEvent> dao = daos.getResourceDao(AuditEvent.class);
    FlushModeType flushMode = entityManager.getFlushMode();
    entityManager.setFlushMode(FlushModeType.COMMIT);
    try {
      List<AuditEvent> events = records.stream().map(AuditRecord::toAuditEvent).toList();
      targets.resolve(events, transaction);
      for (AuditEvent event : events) {
        dao.create(event, null, true, new SystemRequestDetails(), transaction);
      }
    } finally {
      entityManager.setFlushMode(flushMode);
    }
    // Counted once stored for good: a rolled back write leaves no AuditEvent either.
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        written.increment(records.size());
      }
    });
  }
}
