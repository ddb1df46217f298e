package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * One access to one person's data, as an AuditEvent: who (the user, else the client), which
 * client, what (the interaction and the resources), when, the outcome, and the person concerned
 * ({@code entity} with role Patient, which the {@code patient} search parameter indexes).
 *
 * @param caller who called
 * @param address the client's network address
 * @param action C, R, U, D or E (execute: a search)
 * @param interaction the FHIR interaction ({@code read}, {@code search-type}, {@code create}…)
 * @param patient the person, {@code Patient/…}
 * @param resources the person's resources concerned
 */
record AuditRecord(Caller caller, String address, AuditEventAction action, String interaction, String patient,
    List<String> resources) {

  static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";
  private static final String EVENT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  private static final String INTERACTIONS = "http://hl7.org/fhir/restful-interaction";
  private static final String OBJECT_ROLES = "http://terminology.hl7.org/CodeSystem/object-role";
  private static final String OBJECT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  private static final String OBSERVER = "ifp-carecoord";

  AuditEvent toAuditEvent() {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding(EVENT_TYPES, "rest", "RESTful Operation"));
    event.addSubtype(new Coding(INTERACTIONS, interaction, interaction));
    event.setAction(action);
    event.setRecorded(new Date());
    event.setOutcome(AuditEventOutcome._0);
    AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
    caller.fhirUser().ifPresentOrElse(user -> agent.setWho(new Reference(user)),
        () -> agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM)
            .setValue(caller.clientId()))));
    agent.setAltId(caller.clientId());
    agent.setName(caller.subject());
    if (address != null) {
      agent.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._2);
    }
    event.getSource().setObserver(new Reference().setDisplay(OBSERVER));
    event.addEntity().setWhat(new Reference(patient))
        .setType(new Coding(OBJECT_TYPES, "1", "Person")).setRole(new Coding(OBJECT_ROLES, "1", "Patient"));
    for (String resource : resources) {
      if (!resource.equals(patient)) {
        event.addEntity().setWhat(new Reference(resource))
            .setType(new Coding(OBJECT_TYPES, "2", "System Object")).setRole(new Coding(OBJECT_ROLES, "4", "Domain Resource"));
      }
    }
    return event;
  }
}
