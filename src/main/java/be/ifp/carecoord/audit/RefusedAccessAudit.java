package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.AccessRefused;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records who was kept from a person's data (IFP-AC-05): an AuditEvent with outcome {@code 4}
 * (refused) about the person, so that the person and their team see who tried. Through
 * {@link AuditQueue}: the refused request's own transaction, if any, rolls back. A record the full
 * queue cannot take is lost (counted and logged there): the request is refused anyway.
 */
@Component
@ConditionalOnProperty(prefix = "ifp.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
class RefusedAccessAudit {

  private final PersonsConcerned persons;
  private final AuditQueue queue;

  RefusedAccessAudit(PersonsConcerned persons, AuditQueue queue) {
    this.persons = persons;
    this.queue = queue;
  }

  @EventListener
  public void refused(AccessRefused refused) {
    AuditEventAction action = switch (refused.interaction()) {
      case CREATE -> AuditEventAction.C;
      case UPDATE -> AuditEventAction.U;
      case DELETE -> AuditEventAction.D;
      case READ, SEARCH -> AuditEventAction.R;
    };
    RestOperationTypeEnum operation = refused.request().getRestOperationType();
    String interaction = operation == null ? refused.interaction().name().toLowerCase() : operation.getCode();
    String address = ClientAddress.of(refused.request());
    persons.byPerson(List.of(refused.resource())).forEach((patient, concerned) -> queue.offer(new AuditRecord(
        refused.caller(), address, action, interaction, patient, concerned, Set.of(), AuditEventOutcome._4)));
  }
}
