package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Callers;
import be.ifp.carecoord.security.PersonData;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every read and write of a person's data that comes through the REST API (IFP-AC-05),
 * through {@link AuditQueue}, so that no request waits for or fails with its audit. Writes: seen
 * just before they commit, queued when the transaction has committed (a rolled-back write leaves
 * no event). Reads: what storage hands to the client, per person. AuditEvents themselves are not
 * audited when read (reading one's access log would fill it).
 *
 * <p>Why not in the write's own transaction: a nested AuditEvent create inside HAPI's pre-commit
 * hook runs HAPI's referential-integrity check, which does not see the resources a transaction
 * Bundle is creating (HAPI-1094), so every Bundle that creates a person would fail.
 */
@Component
@Interceptor
@ConditionalOnProperty(prefix = "ifp.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
class AuditInterceptor implements RestServerInterceptor {

  private static final String AUDIT_EVENT = "AuditEvent";

  private final Callers callers;
  private final PersonData personData;
  private final AuditQueue queue;

  AuditInterceptor(Callers callers, PersonData personData, AuditQueue queue) {
    this.callers = callers;
    this.personData = personData;
    this.queue = queue;
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void shown(IPreResourceShowDetails details, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty()) {
      return;
    }
    List<IBaseResource> resources = new ArrayList<>();
    for (int i = 0; i < details.size(); i++) {
      if (details.getResource(i) != null) {
        resources.add(details.getResource(i));
      }
    }
    RestOperationTypeEnum operation = request.getRestOperationType();
    boolean search = operation != null && operation.name().startsWith("SEARCH");
    String interaction = operation == null ? "read" : operation.getCode();
    byPerson(resources).forEach((patient, concerned) -> queue.offer(new AuditRecord(caller.get(),
        address(request), search ? AuditEventAction.E : AuditEventAction.R, interaction, patient, concerned)));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    written(resource, AuditEventAction.C, "create", request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    written(resource, AuditEventAction.U, "update", request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    written(resource, AuditEventAction.D, "delete", request);
  }

  private void written(IBaseResource resource, AuditEventAction action, String interaction, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty()) {
      return;
    }
    List<AuditRecord> records = new ArrayList<>();
    byPerson(List.of(resource)).forEach((patient, concerned) -> records.add(new AuditRecord(caller.get(),
        address(request), action, interaction, patient, action == AuditEventAction.D ? List.of() : concerned)));
    // Only what the database keeps: queued when the write's transaction commits.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          records.forEach(queue::offer);
        }
      });
    } else {
      records.forEach(queue::offer);
    }
  }

  /** The person's resources among these, per person ({@code Patient/…} → {@code Type/id}s). */
  private Map<String, List<String>> byPerson(List<IBaseResource> resources) {
    Map<String, List<String>> byPerson = new LinkedHashMap<>();
    for (IBaseResource resource : resources) {
      String type = resource.fhirType();
      if (AUDIT_EVENT.equals(type) || !personData.isPersonData(type)) {
        continue;
      }
      String reference = type + "/" + resource.getIdElement().getIdPart();
      for (String patient : personData.ownersOf(resource)) {
        byPerson.computeIfAbsent(patient, p -> new ArrayList<>()).add(reference);
      }
    }
    return byPerson;
  }

  private static String address(RequestDetails request) {
    return request instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getRemoteAddr() : null;
  }
}
