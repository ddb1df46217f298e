package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, class 2: the audit trail is append-only. Nobody writes, rewrites, patches or deletes
 * an AuditEvent over REST, not a professional, not the person, not a platform, not the audit
 * reader; only the person (her own events) and the audit reader read them.
 */
interface AuditTrailAttacks extends AttackSupport {

  private FhirHttp auditReader() {
    return as(Attackers.auditReader("rs"));
  }

  /** A fresh event about the person: the platform reads her plan, and the server logs it. */
  private String eventAbout(PersonFile person) {
    http().get(person.path(CARE_PLAN));
    String search = "/fhir/AuditEvent?patient=" + person.id(PATIENT) + "&_sort=-date&_count=1";
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          HttpResponse<String> found = auditReader().get(search, "Cache-Control", "no-cache");
          if (found.statusCode() != 200) {
            return null;
          }
          Bundle events = AttackSupport.parse(Bundle.class, found.body());
          return events.getEntry().isEmpty() ? null : "AuditEvent/" + events.getEntry().get(0).getResource().getIdPart();
        }, id -> id != null);
  }

  /** An event as an attacker would forge it, named by a marker to find it if it is stored. */
  private static String forged(PersonFile person, String marker) {
    AuditEvent event = new AuditEvent();
    event.getType().setSystem("http://terminology.hl7.org/CodeSystem/audit-event-type").setCode("rest");
    event.setAction(AuditEvent.AuditEventAction.R);
    event.setRecorded(new java.util.Date());
    event.setOutcome(AuditEvent.AuditEventOutcome._0);
    event.addAgent().setRequestor(true).setWho(new Reference(person.id(PATIENT)));
    event.getSource().setObserver(new Reference(person.id(PATIENT)));
    event.addEntity().setWhat(new Reference(person.id(PATIENT))).setName(marker);
    return AttackSupport.json(event);
  }

  private int forgedStored(String marker) {
    return Stored.count(auditReader(), "AuditEvent?entity-name=" + marker);
  }

  /** Every write there is on one event, by one caller: each refused, the event unchanged. */
  private void assertNoWriteOf(String event, FhirHttp caller) {
    assertNoWriteOf(event, caller, 403);
  }

  /**
   * @param statuses 403; for a user and an event about a person out of their reach also 404
   *     (docs/security.md: another person's resource answers like a missing one)
   */
  private void assertNoWriteOf(String event, FhirHttp caller, Integer... statuses) {
    String before = Stored.version(auditReader(), event);
    String rewritten = Stored.json(auditReader(), event).replace("\"outcome\":\"0\"", "\"outcome\":\"4\"");

    assertRefused(caller.put("/fhir/" + event, FHIR_JSON, rewritten), statuses);
    assertRefused(caller.patch("/fhir/" + event, JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/outcome\",\"value\":\"4\"}]"), statuses);
    assertRefused(delete(caller, "/fhir/" + event), statuses);

    assertThat(Stored.version(auditReader(), event)).isEqualTo(before);
  }

  private void assertNoForgery(FhirHttp caller, PersonFile about) {
    String marker = "forged-" + UUID.randomUUID();
    assertRefused(caller.post("/fhir/AuditEvent", FHIR_JSON, forged(about, marker)), 403);
    assertThat(forgedStored(marker)).isZero();
  }

  @Test
  default void professional_cannotRewriteOrDelete_anEventAboutTheirOwnPerson() {
    assertNoWriteOf(eventAbout(ours()), p1());
  }

  @Test
  default void professional_cannotRewriteOrDelete_anEventAboutAnotherPerson() {
    assertNoWriteOf(eventAbout(theirs().file()), p1(), 403, 404);
  }

  @Test
  default void professional_cannotForgeEvents() {
    assertNoForgery(p1(), ours());
    assertNoForgery(p1(), theirs().file());
  }

  @Test
  default void person_cannotRewriteOrDelete_herOwnEvents_norForgeOne() {
    FhirHttp person = as(Attackers.person(ours(), "patient/*.cruds"));
    assertNoWriteOf(eventAbout(ours()), person);
    assertNoForgery(person, ours());
  }

  @Test
  default void platform_cannotWriteTheAuditTrail() {
    assertNoWriteOf(eventAbout(theirs().file()), as(TestTokens.platform()));
    assertNoForgery(as(TestTokens.platform()), theirs().file());
  }

  @Test
  default void auditReader_withWriteLetters_cannotWriteTheAuditTrail() {
    assertNoWriteOf(eventAbout(theirs().file()), as(Attackers.auditReader("cruds")));
    assertNoForgery(as(Attackers.auditReader("cruds")), theirs().file());
  }

  @Test
  default void professional_cannotReadTheAuditTrail_evenOfTheirOwnPerson() {
    String event = eventAbout(ours());

    assertRefused(p1().get("/fhir/AuditEvent?patient=" + ours().id(PATIENT)), 403);
    assertRefused(p1().get("/fhir/" + event), 403, 404);
  }

  @Test
  default void platformWithTheWildcard_cannotReadTheAuditTrail() {
    eventAbout(theirs().file());

    String wildcardOnly = TestTokens.token().clientId("wildcard-platform").scope("system/*.cruds").mint();

    assertRefused(as(wildcardOnly).get("/fhir/AuditEvent?patient=" + theirs().id(PATIENT)), 403);
  }

  @Test
  default void person_readsHerOwnEvents_notAnotherPersons() {
    // A person of her own: A's log holds what other attacks on the way to B did as A.
    PersonFile herself = AttackScene.newPerson(this);
    String own = eventAbout(herself);
    String others = eventAbout(theirs().file());
    FhirHttp person = as(Attackers.person(herself, "patient/*.rs"));

    HttpResponse<String> log = person.get("/fhir/AuditEvent?patient=" + herself.id(PATIENT) + "&_count=200");
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body()).contains(own.substring("AuditEvent/".length()));
    theirs().assertNothingOfHersIn(log);
    assertRefused(person.get("/fhir/" + others), 404);
  }

  @Test
  default void auditReader_readsAnyPersonsEvents() {
    String event = eventAbout(theirs().file());

    assertThat(auditReader().get("/fhir/" + event).statusCode()).isEqualTo(200);
    assertThat(List.of(auditReader().get("/fhir/AuditEvent?patient=" + theirs().id(PATIENT)).statusCode()))
        .containsExactly(200);
  }
}
