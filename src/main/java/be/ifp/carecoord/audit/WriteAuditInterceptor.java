package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Callers;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Records every write of a person's data through the REST API (IFP-AC-05) in the write's own
 * database transaction: what commits has its AuditEvent, what rolls back has none, and a write
 * whose AuditEvent cannot be stored is not stored either. HAPI calls these hooks for each
 * resource just before the commit (for a transaction Bundle: once all its entries are stored);
 * {@link TransactionAuditTrail} gathers them into one AuditEvent per person and action.
 */
@Component
@Interceptor
@ConditionalOnProperty(prefix = "ifp.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
class WriteAuditInterceptor implements RestServerInterceptor {

  private final Callers callers;
  private final PersonsConcerned persons;
  private final AuditEventWriter writer;

  WriteAuditInterceptor(Callers callers, PersonsConcerned persons, AuditEventWriter writer) {
    this.callers = callers;
    this.persons = persons;
    this.writer = writer;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
    written(resource, AuditEventAction.C, request, transaction);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request,
      TransactionDetails transaction) {
    written(resource, AuditEventAction.U, request, transaction);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request, TransactionDetails transaction) {
    written(resource, AuditEventAction.D, request, transaction);
  }

  private void written(IBaseResource resource, AuditEventAction action, RequestDetails request,
      TransactionDetails transaction) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty()) {
      return;
    }
    TransactionAuditTrail trail = TransactionAuditTrail.ofCurrentTransaction(writer, transaction);
    String interaction = interaction(request, action);
    String address = ClientAddress.of(request);
    String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    if (action == AuditEventAction.D) {
      trail.deleted(reference);
    }
    persons.byPerson(List.of(resource)).forEach((patient, concerned) ->
        trail.add(caller.get(), address, action, interaction, patient, concerned));
  }

  /** The FHIR interaction the client asked for: a transaction's entries are audited as "transaction". */
  private static String interaction(RequestDetails request, AuditEventAction action) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation != null && operation != RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
        && operation != RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
        && operation != RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE) {
      return operation.getCode();
    }
    return switch (action) {
      case C -> "create";
      case D -> "delete";
      default -> "update";
    };
  }
}
