package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

/**
 * IFP-AC-05 through the real REST API: reads and writes of a person's data leave AuditEvents
 * (who, which client, what, when, the person), and the person finds those about themselves.
 */
public interface AuditContract extends FhirServerAccess {

  /** Reads are audited behind the reader's back; on a loaded test machine that can take a while. */
  Duration AUDIT_LAG = Duration.ofMinutes(2);

  private PersonFile ours() {
    return PersonFile.twoPersons(this).get(0);
  }

  private PersonFile theirs() {
    return PersonFile.twoPersons(this).get(1);
  }

  private List<AuditEvent> eventsAbout(String patient, FhirHttp as) {
    HttpResponse<String> response = as.get("/fhir/AuditEvent?patient=" + patient + "&_count=200&_sort=-date");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> (AuditEvent) e.getResource()).toList();
  }

  private static boolean concerns(AuditEvent event, String resource) {
    return event.getEntity().stream().anyMatch(e -> resource.equals(e.getWhat().getReference()));
  }

  @Test
  default void aRead_leavesAnAuditEventNamingWhoWhatAndThePerson() {
    FhirHttp member = http().withToken(TestTokens.token().fhirUser(ours().id(TEAM_ROLE)).clientId("ehr-of-the-team")
        .scope("user/*.cruds").mint());
    assertThat(member.get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), http())).anySatisfy(event -> {
          assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
          assertThat(concerns(event, ours().id(CARE_PLAN))).isTrue();
          assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(ours().id(TEAM_ROLE));
          assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("ehr-of-the-team");
          assertThat(event.getEntityFirstRep().getWhat().getReference()).isEqualTo(ours().id(PATIENT));
          assertThat(event.getRecorded()).isNotNull();
        }));
  }

  @Test
  default void aWrite_isAudited() {
    FhirHttp member = http().withToken(TestTokens.user(ours().id(TEAM_ROLE), "user/*.cruds"));
    HttpResponse<String> created = member.post("/fhir/Observation", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(TestData.observationAbout(ours().id(PATIENT))));
    assertThat(created.statusCode()).isEqualTo(201);
    IdType id = new IdType(created.headers().firstValue("Location").orElseThrow());
    String observation = "Observation/" + id.getIdPart();

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), http())).anySatisfy(event -> {
          assertThat(event.getAction()).isEqualTo(AuditEventAction.C);
          assertThat(concerns(event, observation)).isTrue();
          assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(ours().id(TEAM_ROLE));
        }));
  }

  @Test
  default void thePerson_readsTheirOwnAccessLog_notAnothersPersons() {
    http().get(ours().path(CARE_PLAN));
    FhirHttp person = http().withToken(TestTokens.user(ours().id(PATIENT), "patient/*.rs"));

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), person)).isNotEmpty()
            .allSatisfy(event -> assertThat(concerns(event, ours().id(PATIENT))).isTrue()));
    http().get(theirs().path(CARE_PLAN));
    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(theirs().id(PATIENT), http())).isNotEmpty());
    // Asking for another person's log is refused like any search naming another person.
    assertOutcome(person.get("/fhir/AuditEvent?patient=" + theirs().id(PATIENT)), 403);
  }
}
