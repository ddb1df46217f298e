package be.ifp.carecoord.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * Stores the AuditEvents of writes in the transaction that is about to commit. As the server's own
 * work (a system request): the access checks and the audit itself leave these alone.
 */
@Component
class AuditEventWriter {

  private final DaoRegistry daos;
  private final Counter written;

  AuditEventWriter(DaoRegistry daos, MeterRegistry meters) {
    this.daos = daos;
    this.written = meters.counter("ifp.audit.written");
  }

  void writeInCurrentTransaction(List<AuditRecord> records) {
    IFhirResourceDao<AuditEvent> dao = daos.getResourceDao(AuditEvent.class);
    for (AuditRecord record : records) {
      dao.create(record.toAuditEvent(), new SystemRequestDetails());
    }
    written.increment(records.size());
  }
}
