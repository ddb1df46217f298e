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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

/**
 * IFP-AC-05 through the real REST API: reads and writes of a person's data leave AuditEvents
 * (who, which client, what, when, the person), and the person finds those about themselves. Writes
 * are audited in their own transaction, reads just after they are served.
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

  /** The server's own database, for what the operator does there (retention). */
  DataSource database();

  /** A platform that reads the access log: it names AuditEvent in its scopes. */
  private FhirHttp auditReader() {
    return http().withToken(TestTokens.token().clientId("audit-reader").scope("system/AuditEvent.rs").mint());
  }

  private List<AuditEvent> eventsAbout(String patient, FhirHttp as) {
    HttpResponse<String> response = as.get("/fhir/AuditEvent?patient=" + patient + "&_count=200&_sort=-date",
        "Cache-Control", "no-cache");
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
        assertThat(eventsAbout(ours().id(PATIENT), auditReader())).anySatisfy(event -> {
          assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
          assertThat(concerns(event, ours().id(CARE_PLAN))).isTrue();
          assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(ours().id(TEAM_ROLE));
          assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("ehr-of-the-team");
          assertThat(event.getEntityFirstRep().getWhat().getReference()).isEqualTo(ours().id(PATIENT));
          assertThat(event.getRecorded()).isNotNull();
        }));
  }

  /** The stored writes among the events (refused attempts are recorded too, with outcome 4). */
  private static List<AuditEvent> writesIn(List<AuditEvent> events) {
    return events.stream().filter(e -> e.getAction() != AuditEventAction.R && e.getAction() != AuditEventAction.E)
        .filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._0).toList();
  }

  /** Written in the write's own transaction: there as soon as the write has answered, no waiting. */
  @Test
  default void aWrite_isAuditedInItsOwnTransaction() {
    FhirHttp member = http().withToken(TestTokens.user(ours().id(TEAM_ROLE), "user/*.cruds"));
    HttpResponse<String> created = member.post("/fhir/Observation", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(TestData.observationAbout(ours().id(PATIENT))));
    assertThat(created.statusCode()).isEqualTo(201);
    IdType id = new IdType(created.headers().firstValue("Location").orElseThrow());
    String observation = "Observation/" + id.getIdPart();

    assertThat(eventsAbout(ours().id(PATIENT), auditReader())).anySatisfy(event -> {
      assertThat(event.getAction()).isEqualTo(AuditEventAction.C);
      assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("create");
      assertThat(concerns(event, observation)).isTrue();
      assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(ours().id(TEAM_ROLE));
    });
  }

  @Test
  default void aTransactionBundle_leavesOneEventPerPerson_namingEveryResourceItWrote() {
    PersonFile stored = PersonFile.load(this);

    List<AuditEvent> writes = writesIn(eventsAbout(stored.id(PATIENT), auditReader()));
    assertThat(writes).singleElement().satisfies(event -> {
      assertThat(event.getAction()).isEqualTo(AuditEventAction.C);
      assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("transaction");
      assertThat(event.getAgentFirstRep().getAltId()).isEqualTo(TestTokens.PLATFORM_CLIENT);
      assertThat(concerns(event, stored.id(CARE_PLAN))).isTrue();
      assertThat(concerns(event, stored.id(PersonFile.CARE_TEAM))).isTrue();
      assertThat(concerns(event, stored.id(PersonFile.EPISODE))).isTrue();
    });
  }

  @Test
  default void aRefusedWrite_leavesNoEvent() {
    int before = writesIn(eventsAbout(ours().id(PATIENT), auditReader())).size();
    Bundle refused = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    refused.addEntry().setResource(TestData.observationAbout(ours().id(PATIENT)))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    refused.addEntry().setResource(TestData.observationAbout("Patient/does-not-exist"))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

    HttpResponse<String> response = http().post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(refused));

    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(writesIn(eventsAbout(ours().id(PATIENT), auditReader()))).hasSize(before);
  }

  /** The event of a deletion names what it deleted: a reference to a deleted resource cannot be stored. */
  @Test
  default void deletingAPerson_isAudited_withThePersonNamed() {
    HttpResponse<String> created = http().post("/fhir/Patient", FHIR_JSON, TestData.patientJson(TestData.uniqueValue()));
    assertThat(created.statusCode()).isEqualTo(201);
    String patient = "Patient/" + new IdType(created.headers().firstValue("Location").orElseThrow()).getIdPart();

    HttpResponse<String> deleted = http().method("DELETE", "/fhir/" + patient, FHIR_JSON,
        java.net.http.HttpRequest.BodyPublishers.noBody());

    assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 204);
    HttpResponse<String> search = auditReader().get("/fhir/AuditEvent?entity-name=" + patient);
    // Other events may name the person too, once she is gone (a notification of her creation to a
    // platform's Subscription, written after the delete): the deletion is the one D event.
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, search.body()).getEntry())
        .map(e -> (AuditEvent) e.getResource())
        .filteredOn(event -> event.getAction() == AuditEventAction.D)
        .as(search.body())
        .singleElement().satisfies(event -> {
          assertThat(event.getEntityFirstRep().hasWhat()).isFalse();
        });
  }

  /** Names a resource that no longer exists: the event cannot refer to it. */
  private static boolean names(AuditEvent event, String resource) {
    return event.getEntity().stream().anyMatch(e -> resource.equals(e.getName()) && !e.hasWhat());
  }

  private String observationAboutOurs() {
    HttpResponse<String> created = http().post("/fhir/Observation", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(TestData.observationAbout(ours().id(PATIENT))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return "Observation/" + new IdType(created.headers().firstValue("Location").orElseThrow()).getIdPart();
  }

  private HttpResponse<String> delete(String resource) {
    HttpResponse<String> deleted = http().method("DELETE", "/fhir/" + resource, FHIR_JSON,
        java.net.http.HttpRequest.BodyPublishers.noBody());
    assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 204);
    return deleted;
  }

  /**
   * A user this server does not know (their fhirUser names nothing stored here) is recorded by
   * name: a reference to them could not be stored, and the event would be lost.
   */
  @Test
  default void aStrangersAttempt_isInThePersonsLog_withTheUserNamedNotReferredTo() {
    String stranger = "Practitioner/unknown-" + TestData.uniqueValue();
    FhirHttp outsider = http().withToken(TestTokens.token().fhirUser(stranger).clientId("ehr-elsewhere")
        .scope("user/*.cruds").mint());

    assertOutcome(outsider.get(ours().path(CARE_PLAN)), 404);

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), auditReader())).anySatisfy(event -> {
          assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
          assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo(stranger);
          assertThat(event.getAgentFirstRep().getWho().hasReference()).isFalse();
          assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("ehr-elsewhere");
          assertThat(concerns(event, ours().id(CARE_PLAN))).isTrue();
        }));
  }

  /**
   * Deleted right after it was read, perhaps before the read's burst is written: the read is
   * still told, referring to what it read (written before the delete) or naming it (after).
   */
  @Test
  default void aReadOfAResourceDeletedRightAfter_staysInThePersonsLog() {
    String observation = observationAboutOurs();

    assertThat(http().get("/fhir/" + observation).statusCode()).isEqualTo(200);
    delete(observation);

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), auditReader())).anySatisfy(event -> {
          assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
          assertThat(concerns(event, observation) || names(event, observation)).isTrue();
        }));
  }

  /** An earlier version of a deleted resource can be read; its event cannot refer to it, and names it. */
  @Test
  default void aReadOfAnEarlierVersionOfADeletedResource_isInThePersonsLog() {
    String observation = observationAboutOurs();
    delete(observation);

    HttpResponse<String> earlier = http().get("/fhir/" + observation + "/_history/1");

    assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(200);
    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), auditReader())).anySatisfy(event -> {
          assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
          assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("vread");
          assertThat(names(event, observation)).isTrue();
          assertThat(event.getEntityFirstRep().getWhat().getReference()).isEqualTo(ours().id(PATIENT));
        }));
  }

  /** The person learns who tried to reach their data: refusals are recorded with outcome 4. */
  @Test
  default void anOutsidersAttempts_areRecordedAsRefused() {
    FhirHttp outsider = http().withToken(TestTokens.user(theirs().id(TEAM_ROLE), "user/*.cruds"));
    String plan = http().get(ours().path(CARE_PLAN)).body();

    assertOutcome(outsider.get(ours().path(CARE_PLAN)), 404);
    assertOutcome(outsider.put(ours().path(CARE_PLAN), FHIR_JSON, plan), 404);

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() -> {
      List<AuditEvent> refused = eventsAbout(ours().id(PATIENT), auditReader()).stream()
          .filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._4)
          .filter(e -> theirs().id(TEAM_ROLE).equals(e.getAgentFirstRep().getWho().getReference())).toList();
      assertThat(refused).extracting(AuditEvent::getAction)
          .contains(AuditEventAction.R, AuditEventAction.U);
      assertThat(refused).allSatisfy(event -> assertThat(concerns(event, ours().id(CARE_PLAN))).isTrue());
    });
  }

  /** A person who tries another person's data is recorded for that person, not in their own log. */
  @Test
  default void aPersonsAttemptOnAnothersData_staysOutOfTheirOwnLog() {
    FhirHttp person = http().withToken(TestTokens.user(ours().id(PATIENT), "patient/*.rs"));

    assertOutcome(person.get(theirs().path(CARE_PLAN)), 404);

    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(theirs().id(PATIENT), auditReader())).anySatisfy(event -> {
          assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
          assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo(ours().id(PATIENT));
        }));
    assertThat(eventsAbout(ours().id(PATIENT), person))
        .noneSatisfy(event -> assertThat(concerns(event, theirs().id(CARE_PLAN))).isTrue());
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
        assertThat(eventsAbout(theirs().id(PATIENT), auditReader())).isNotEmpty());
    // Asking for another person's log is refused like any search naming another person.
    assertOutcome(person.get("/fhir/AuditEvent?patient=" + theirs().id(PATIENT)), 403);
  }

  /**
   * The access log is searchable by what it is searched by (ifp.audit.searchable-by); R4's other
   * AuditEvent parameters are retired, so that no event is indexed by them.
   */
  @Test
  default void theAccessLog_isSearchableByItsKeptParameters_only() {
    http().get(ours().path(CARE_PLAN));
    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), auditReader())).isNotEmpty());

    HttpResponse<String> byWhoAndWhat = auditReader().get("/fhir/AuditEvent?entity=" + ours().id(CARE_PLAN)
        + "&action=R&outcome=0&date=gt2020-01-01");
    assertThat(byWhoAndWhat.statusCode()).as(byWhoAndWhat.body()).isEqualTo(200);
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, byWhoAndWhat.body()).getEntry()).isNotEmpty();
    assertOutcome(auditReader().get("/fhir/AuditEvent?address=127.0.0.1"), 400);
    assertOutcome(auditReader().get("/fhir/AuditEvent?entity-type=2"), 400);

    CapabilityStatement capabilities = FHIR.newJsonParser().parseResource(CapabilityStatement.class,
        http().get("/fhir/metadata").body());
    assertThat(capabilities.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("AuditEvent"))
        .singleElement().satisfies(auditEvent -> assertThat(auditEvent.getSearchParam())
            .extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
            .contains("patient", "date", "agent", "entity", "entity-name", "action", "subtype", "outcome")
            .doesNotContain("address", "agent-name", "altid", "entity-type", "entity-role", "type", "policy"));
  }

  /**
   * The SQL that docs/security.md gives the operator for retention, run as written (with a date):
   * the events stored before the date are gone, the later ones and the person's data stay, and
   * the server goes on recording.
   */
  @Test
  default void theRetentionSqlOfTheDocs_removesTheEventsStoredBeforeItsDate_only() throws Exception {
    FhirHttp reader = auditReader();
    http().get(ours().path(CARE_PLAN));
    Awaitility.await().atMost(AUDIT_LAG).until(() -> !eventsAbout(ours().id(PATIENT), reader).isEmpty());
    String older = eventsAbout(ours().id(PATIENT), reader).get(0).getIdElement().getIdPart();
    Thread.sleep(20);
    LocalDateTime cutoff = LocalDateTime.now();
    Thread.sleep(20);
    String observation = observationAboutOurs();
    String newer = eventsAbout(ours().id(PATIENT), reader).stream().filter(e -> concerns(e, observation))
        .findFirst().orElseThrow().getIdElement().getIdPart();

    try (Connection connection = database().getConnection()) {
      connection.setAutoCommit(false);
      for (String statement : retentionSql(cutoff)) {
        try (Statement sql = connection.createStatement()) {
          sql.execute(statement);
        }
      }
      connection.commit();
    }

    assertThat(eventsWithId(older, reader)).isEmpty();
    assertThat(eventsWithId(newer, reader)).hasSize(1);
    assertThat(http().get("/fhir/" + observation).statusCode()).isEqualTo(200);
    assertThat(http().get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
    Awaitility.await().atMost(AUDIT_LAG).untilAsserted(() ->
        assertThat(eventsAbout(ours().id(PATIENT), reader)).anySatisfy(event -> {
          assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
          assertThat(event.getRecorded().toInstant()).isAfter(cutoff.atZone(ZoneId.systemDefault()).toInstant());
        }));
  }

  private List<AuditEvent> eventsWithId(String id, FhirHttp as) {
    HttpResponse<String> response = as.get("/fhir/AuditEvent?_id=" + id, "Cache-Control", "no-cache");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> (AuditEvent) e.getResource()).toList();
  }

  /** The statements of the retention SQL block in docs/security.md, with the cut-off date given. */
  private static List<String> retentionSql(LocalDateTime cutoff) throws java.io.IOException {
    String docs = Files.readString(Path.of("docs", "security.md"));
    int retention = docs.indexOf("Retention is an operator task");
    int start = docs.indexOf("```sql", retention) + "```sql".length();
    String block = docs.substring(start, docs.indexOf("```", start));
    String example = "TIMESTAMP '2020-01-01 00:00:00'";
    assertThat(block).contains(example);
    String date = "TIMESTAMP '" + cutoff.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")) + "'";
    return Arrays.stream(block.replace(example, date).split(";")).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }
}
