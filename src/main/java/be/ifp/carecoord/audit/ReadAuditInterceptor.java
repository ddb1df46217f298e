package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Callers;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Records every read of a person's data through the REST API (IFP-AC-05): what storage hands to
 * the client, after the access checks, one AuditEvent per person. Through {@link AuditQueue}, so
 * that no read waits for its audit; a read whose record the queue cannot take is refused (503)
 * rather than served unaudited.
 */
@Component
@Interceptor
@ConditionalOnProperty(prefix = "ifp.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
class ReadAuditInterceptor implements RestServerInterceptor {

  private static final String UNAUDITED = "The access log cannot record this read now; try again later";

  private final Callers callers;
  private final PersonsConcerned persons;
  private final AuditQueue queue;

  ReadAuditInterceptor(Callers callers, PersonsConcerned persons, AuditQueue queue) {
    this.callers = callers;
    this.persons = persons;
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
    persons.byPerson(resources).forEach((patient, concerned) -> {
      if (!queue.offer(new AuditRecord(caller.get(), ClientAddress.of(request),
          search ? AuditEventAction.E : AuditEventAction.R, interaction, patient, concerned))) {
        throw new UnclassifiedServerFailureException(503, UNAUDITED);
      }
    });
  }
}
