package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * @param deleted those of them (the person included) deleted by the same transaction: named in
 *     {@code entity.name}, since a reference to a deleted resource cannot be stored
 * @param outcome {@code 0} when the access was granted, {@code 4} when it was refused
 */
record AuditRecord(Caller caller, String address, AuditEventAction action, String interaction, String patient,
    List<String> resources, Set<String> deleted, AuditEventOutcome outcome) {

  /** A granted access that deleted nothing. */
  AuditRecord(Caller caller, String address, AuditEventAction action, String interaction, String patient,
      List<String> resources) {
    this(caller, address, action, interaction, patient, resources, Set.of(), AuditEventOutcome._0);
  }

  static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";
  private static final String EVENT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  private static final String INTERACTIONS = "http://hl7.org/fhir/restful-interaction";
  private static final String OBJECT_ROLES = "http://terminology.hl7.org/CodeSystem/object-role";
  private static final String OBJECT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  private static final String OBSERVER = "ifp-carecoord";
  private static final String PATIENT_PREFIX = "Patient/";
  /** The failure noted in a minimal event; the operator's log has the cause. */
  static final String MINIMAL = "Minimal record: the full event could not be stored";

  /** The event, referring to the user, the person and the resources, which must all be stored here. */
  AuditEvent toAuditEvent() {
    return toAuditEvent(Set.of());
  }

  /**
   * The event; what is {@code absent} (not stored here: deleted since, or never, like a user from
   * another server) is named instead of referred to, since a reference must resolve and the event
   * would not be stored at all.
   */
  AuditEvent toAuditEvent(Set<String> absent) {
    return event(absent, false);
  }

  /**
   * What is kept of the event when it could not be stored in full: it refers to nothing but the
   * person (so that it is still in their log), names the user and the resources, and notes the
   * failure in {@code outcomeDesc}.
   */
  AuditEvent toMinimalAuditEvent(Set<String> absent) {
    return event(absent, true).setOutcomeDesc(MINIMAL);
  }

  /**
   * What the event refers to when everything exists: the user, the person, the resources, but
   * not those deleted by the same transaction (named anyway).
   */
  Set<String> references() {
    Set<String> references = new LinkedHashSet<>();
    caller.fhirUser().ifPresent(references::add);
    references.add(patient);
    references.addAll(resources);
    references.removeAll(deleted);
    return references;
  }

  private AuditEvent event(Set<String> absent, boolean personOnly) {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding(EVENT_TYPES, "rest", "RESTful Operation"));
    event.addSubtype(new Coding(INTERACTIONS, interaction, interaction));
    event.setAction(action);
    event.setRecorded(new Date());
    event.setOutcome(outcome);
    AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
    Reference client = new Reference().setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM)
        .setValue(caller.clientId()));
    caller.fhirUser().ifPresentOrElse(user -> agent.setWho(personOnly || absent.contains(user) || namesOnly(user)
        ? client.setDisplay(user) : new Reference(user)), () -> agent.setWho(client));
    agent.setAltId(caller.clientId());
    agent.setName(caller.subject());
    if (address != null) {
      agent.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._2);
    }
    event.getSource().setObserver(new Reference().setDisplay(OBSERVER));
    entity(event, patient, absent.contains(patient)).setType(new Coding(OBJECT_TYPES, "1", "Person"))
        .setRole(new Coding(OBJECT_ROLES, "1", "Patient"));
    for (String resource : resources) {
      if (!resource.equals(patient)) {
        entity(event, resource, personOnly || absent.contains(resource))
            .setType(new Coding(OBJECT_TYPES, "2", "System Object"))
            .setRole(new Coding(OBJECT_ROLES, "4", "Domain Resource"));
      }
    }
    return event;
  }

  /**
   * A person who tried to reach another person's data is named, not referred to: a reference
   * would put the event in the trier's own compartment, and their access log would then tell them
   * that the other person's resource exists, which the refusal (a 404) did not.
   */
  private boolean namesOnly(String user) {
    return outcome != AuditEventOutcome._0 && user.startsWith(PATIENT_PREFIX) && !user.equals(patient);
  }

  private AuditEvent.AuditEventEntityComponent entity(AuditEvent event, String resource, boolean named) {
    AuditEvent.AuditEventEntityComponent entity = event.addEntity();
    return named || deleted.contains(resource) ? entity.setName(resource) : entity.setWhat(new Reference(resource));
  }
}
