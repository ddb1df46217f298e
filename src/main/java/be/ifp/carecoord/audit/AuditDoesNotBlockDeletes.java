package be.ifp.carecoord.audit;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import org.springframework.stereotype.Component;

/**
 * The server refuses to delete what other resources refer to (StorageConfiguration); the access
 * log refers to nearly everything it records, but a record of the past must not keep a person's
 * data alive. Conflicts whose source is an AuditEvent are dropped, so the AuditEvent keeps a
 * reference to a deleted resource, as a log should.
 */
@Component
@Interceptor
class AuditDoesNotBlockDeletes implements StorageInterceptor {

  /** Returns no outcome: HAPI then checks what is left of the conflicts as usual. */
  @Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
  public DeleteConflictOutcome ignoreAuditEvents(DeleteConflictList conflicts) {
    conflicts.removeIf(conflict -> "AuditEvent".equals(conflict.getSourceId().getResourceType()));
    return null;
  }
}
