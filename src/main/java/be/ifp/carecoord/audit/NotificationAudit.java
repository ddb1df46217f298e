package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Caller.ClientLimits;
import be.ifp.carecoord.subscriptions.NotificationDelivered;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records each notification a platform accepted as an access to the person's data (IFP-AC-05):
 * one AuditEvent per person concerned, subtype {@value #SUBTYPE}, the owning client as agent and
 * the Subscription as the agent's name. Through {@link AuditQueue}, like reads: delivery runs in
 * the background and must not wait for the audit.
 */
@Component
@ConditionalOnProperty(prefix = "ifp.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
class NotificationAudit {

  static final String SUBTYPE = "notification";

  private final PersonsConcerned persons;
  private final AuditQueue queue;

  NotificationAudit(PersonsConcerned persons, AuditQueue queue) {
    this.persons = persons;
    this.queue = queue;
  }

  @EventListener
  public void delivered(NotificationDelivered notification) {
    Caller subscriber = new Caller(notification.client(), notification.subscription(), List.of(),
        Optional.empty(), Optional.empty(), ClientLimits.NONE);
    persons.byPerson(List.of(notification.resource())).forEach((patient, concerned) -> queue.offer(
        new AuditRecord(subscriber, null, AuditEventAction.R, SUBTYPE, patient, concerned)));
  }
}
