package be.ifp.carecoord.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Caller.ClientLimits;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

  private static final String USER = "PractitionerRole/7";
  private static final String PERSON = "Patient/1";
  private static final String PLAN = "CarePlan/2";

  private final AuditRecord read = new AuditRecord(
      new Caller("ehr", USER, List.of(), Optional.of(USER), Optional.empty(), ClientLimits.NONE),
      "10.0.0.1", AuditEventAction.R, "read", PERSON, List.of(PERSON, PLAN));

  @Test
  void whatIsStored_isReferredTo() {
    AuditEvent event = read.toAuditEvent();

    assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(USER);
    assertThat(event.getEntity()).extracting(e -> e.getWhat().getReference()).containsExactly(PERSON, PLAN);
    assertThat(read.references()).containsExactlyInAnyOrder(USER, PERSON, PLAN);
  }

  @Test
  void aUserUnknownHere_isNamed_withTheClient() {
    AuditEvent event = read.toAuditEvent(Set.of(USER));

    assertThat(event.getAgentFirstRep().getWho().hasReference()).isFalse();
    assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo(USER);
    assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo("ehr");
    assertThat(event.getEntityFirstRep().getWhat().getReference()).isEqualTo(PERSON);
  }

  @Test
  void aResourceDeletedSince_isNamed() {
    AuditEvent event = read.toAuditEvent(Set.of(PLAN));

    AuditEventEntityComponent plan = event.getEntity().get(1);
    assertThat(plan.hasWhat()).isFalse();
    assertThat(plan.getName()).isEqualTo(PLAN);
    assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(USER);
  }

  @Test
  void aMinimalEvent_refersToThePersonOnly_andSaysWhatItIs() {
    AuditEvent event = read.toMinimalAuditEvent(Set.of());

    assertThat(event.getAgentFirstRep().getWho().hasReference()).isFalse();
    assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo(USER);
    assertThat(event.getEntity()).extracting(e -> e.getWhat().getReference()).containsExactly(PERSON, null);
    assertThat(event.getEntity().get(1).getName()).isEqualTo(PLAN);
    assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
    assertThat(event.getOutcomeDesc()).isEqualTo(AuditRecord.MINIMAL);
  }

  @Test
  void aMinimalEventAboutAPersonDeletedSince_namesThePerson() {
    AuditEvent event = read.toMinimalAuditEvent(Set.of(PERSON));

    assertThat(event.getEntityFirstRep().hasWhat()).isFalse();
    assertThat(event.getEntityFirstRep().getName()).isEqualTo(PERSON);
  }

  @Test
  void whatTheSameTransactionDeleted_isNamed_andNotLookedUp() {
    AuditRecord deletion = new AuditRecord(read.caller(), null, AuditEventAction.D, "delete", PERSON,
        List.of(PERSON, PLAN), Set.of(PLAN), AuditEvent.AuditEventOutcome._0);

    assertThat(deletion.references()).containsExactlyInAnyOrder(USER, PERSON);
    assertThat(deletion.toAuditEvent(Set.of()).getEntity().get(1).getName()).isEqualTo(PLAN);
  }
}
