package be.ifp.carecoord.sync;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions are platform tools (issue 14): a user token touches none, in any route; each
 * system client sees and changes only its own (another's answers as a missing one), so a
 * platform's secret in {@code channel.header} reaches nobody else; endpoints must be on the
 * allow-list; a delivered notification is in the person's access log. The test servers allow
 * {@code http://localhost} (support/TestAuthority), where the tests' subscribers listen.
 */
public interface SubscriptionAccessContract extends FhirServerAccess {

  String OWNER_SYSTEM = "https://ifp-carecoord.github.io/fhir/CodeSystem/subscription-owner";
  String OTHER_CLIENT = "other-platform";
  String ALLOW_LIST_KEY = "ifp.subscriptions.endpoint-allow-list";
  Duration PATIENCE = Duration.ofSeconds(90);

  /** Every kind of user token, including one that also carries system/ scopes. */
  static Map<String, String> userTokens() {
    return Map.of(
        "professional", TestTokens.user("PractitionerRole/1", "user/*.cruds"),
        "person", TestTokens.user("Patient/1", "patient/*.cruds"),
        "carer", TestTokens.user("RelatedPerson/1", "user/*.cruds"),
        "professional with system scopes",
        TestTokens.token().fhirUser("Practitioner/1").scope("user/*.cruds system/*.cruds system/Subscription.*").mint());
  }

  @Test
  default void aUserToken_isForbiddenEveryInteraction_andSeesNoSecret() {
    String secret = "secret-" + TestData.uniqueValue();
    String id = subscribe(http(), withSecret(secret));
    int before = ownCount(http());

    userTokens().forEach((who, token) -> {
      FhirHttp user = http().withToken(token);
      List<HttpResponse<String>> answers = List.of(
          user.post("/fhir/Subscription", FHIR_JSON, PersonTeams.json(restHook(SubscriberEndpoint.nobodyListening()))),
          user.get("/fhir/Subscription/" + id),
          user.get("/fhir/Subscription/" + id + "/_history/1"),
          user.get("/fhir/Subscription/" + id + "/_history"),
          user.get("/fhir/Subscription"),
          user.get("/fhir/Subscription?_id=" + id),
          user.put("/fhir/Subscription/" + id, FHIR_JSON, PersonTeams.json(redirected(id))),
          user.patch("/fhir/Subscription/" + id, "application/json-patch+json", redirectPatch()),
          user.send(user.request("/fhir/Subscription/" + id).DELETE()));
      answers.forEach(answer -> {
        FhirHttp.assertOutcome(answer, 403);
        assertThat(answer.body()).as(who).doesNotContain(secret);
      });
    });

    Subscription kept = read(http(), id);
    assertThat(kept.getChannel().getEndpoint()).doesNotContain("redirected");
    assertThat(kept.getChannel().getHeader()).extracting(Object::toString).anyMatch(h -> h.contains(secret));
    assertThat(ownCount(http())).isEqualTo(before);
  }

  @Test
  default void aUserToken_isForbiddenSubscriptionEntries_inABatchAndATransaction() {
    String secret = "secret-" + TestData.uniqueValue();
    String id = subscribe(http(), withSecret(secret));
    int before = ownCount(http());

    for (BundleType type : List.of(BundleType.BATCH, BundleType.TRANSACTION)) {
      for (String token : userTokens().values()) {
        FhirHttp user = http().withToken(token);
        for (Bundle bundle : List.of(
            bundle(type, HTTPVerb.GET, "Subscription/" + id),
            bundle(type, HTTPVerb.GET, "Subscription/?status=requested"),
            bundle(type, HTTPVerb.GET, "/Subscription?_id=" + id),
            bundle(type, HTTPVerb.GET, "Subscription/_search?_id=" + id),
            bundle(type, HTTPVerb.DELETE, "Subscription/" + id),
            creating(type, restHook(SubscriberEndpoint.nobodyListening())))) {
          HttpResponse<String> answer = user.post("/fhir", FHIR_JSON, PersonTeams.json(bundle));
          FhirHttp.assertOutcome(answer, 403);
          assertThat(answer.body()).doesNotContain(secret);
        }
      }
    }

    assertThat(read(http(), id).getChannel().getHeader()).extracting(Object::toString).anyMatch(h -> h.contains(secret));
    assertThat(ownCount(http())).isEqualTo(before);
  }

  @Test
  default void anotherClientsSubscription_answersExactlyAsAMissingOne_andStaysAsItWas() {
    String secret = "secret-" + TestData.uniqueValue();
    String id = subscribe(http(), withSecret(secret));
    String missing = "missing-" + TestData.uniqueValue();
    FhirHttp other = otherPlatform();

    for (String route : List.of("", "/_history/1", "/_history")) {
      HttpResponse<String> theirs = other.get("/fhir/Subscription/" + id + route);
      HttpResponse<String> none = other.get("/fhir/Subscription/" + missing + route);
      assertLikeMissing(theirs, none, id, missing, secret);
    }
    assertLikeMissing(other.put("/fhir/Subscription/" + id, FHIR_JSON, PersonTeams.json(redirected(id))),
        other.put("/fhir/Subscription/" + missing, FHIR_JSON, PersonTeams.json(redirected(missing))), id, missing, secret);
    assertLikeMissing(other.patch("/fhir/Subscription/" + id, "application/json-patch+json", redirectPatch()),
        other.patch("/fhir/Subscription/" + missing, "application/json-patch+json", redirectPatch()), id, missing, secret);
    assertLikeMissing(other.send(other.request("/fhir/Subscription/" + id).DELETE()),
        other.send(other.request("/fhir/Subscription/" + missing).DELETE()), id, missing, secret);

    for (BundleType type : List.of(BundleType.BATCH, BundleType.TRANSACTION)) {
      assertLikeMissing(other.post("/fhir", FHIR_JSON, PersonTeams.json(bundle(type, HTTPVerb.DELETE, "Subscription/" + id))),
          other.post("/fhir", FHIR_JSON, PersonTeams.json(bundle(type, HTTPVerb.DELETE, "Subscription/" + missing))),
          id, missing, secret);
    }

    assertThat(read(http(), id).getChannel().getEndpoint()).doesNotContain("redirected");
    assertThat(other.get("/fhir/Subscription/" + missing).statusCode()).isEqualTo(404);
  }

  @Test
  default void anotherClientsSubscription_isLeftOutOfSearchesHistoryAndBatches() {
    Instant before = Instant.now().minusSeconds(1);
    String secret = "secret-" + TestData.uniqueValue();
    String id = subscribe(http(), withSecret(secret));
    FhirHttp other = otherPlatform();
    String since = "_since=" + before;

    for (String path : List.of("/fhir/Subscription?_id=" + id, "/fhir/Subscription?_id=" + id + "&_summary=count",
        "/fhir/Subscription?_tag=" + OWNER_SYSTEM + "%7C" + TestTokens.PLATFORM_CLIENT + "&_id=" + id)) {
      HttpResponse<String> theirs = other.get(path);
      assertThat(theirs.statusCode()).as(path + theirs.body()).isEqualTo(200);
      assertThat(theirs.body()).as(path).doesNotContain(secret).doesNotContain("Subscription/" + id);
      assertThat(FHIR.newJsonParser().parseResource(Bundle.class, theirs.body()).getTotal()).as(path).isZero();
    }
    // Routes across types: whatever else they answer, never the other client's Subscription.
    for (String path : List.of("/fhir?_type=Subscription&_id=" + id, "/fhir/_history?" + since + "&_count=200")) {
      assertThat(other.get(path).body()).as(path).doesNotContain(secret).doesNotContain("Subscription/" + id);
    }
    HttpResponse<String> typeHistory = other.get("/fhir/Subscription/_history?" + since);
    FhirHttp.assertOutcome(typeHistory, 403);

    String missing = "missing-" + TestData.uniqueValue();
    Bundle batch = bundle(BundleType.BATCH, HTTPVerb.GET, "Subscription?_id=" + id);
    batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Subscription/" + id);
    batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Subscription/" + missing);
    HttpResponse<String> batchAnswer = other.post("/fhir", FHIR_JSON, PersonTeams.json(batch));
    assertThat(batchAnswer.statusCode()).as(batchAnswer.body()).isEqualTo(200);
    assertThat(batchAnswer.body()).doesNotContain(secret);
    Bundle answers = FHIR.newJsonParser().parseResource(Bundle.class, batchAnswer.body());
    assertThat(((Bundle) answers.getEntry().get(0).getResource()).getTotal()).isZero();
    Bundle.BundleEntryResponseComponent theirs = answers.getEntry().get(1).getResponse();
    Bundle.BundleEntryResponseComponent none = answers.getEntry().get(2).getResponse();
    assertThat(theirs.getStatus()).startsWith("404").isEqualTo(none.getStatus());
    assertThat(((OperationOutcome) theirs.getOutcome()).getIssueFirstRep().getDiagnostics().replace(id, "ID"))
        .isEqualTo(((OperationOutcome) none.getOutcome()).getIssueFirstRep().getDiagnostics().replace(missing, "ID"));

    // The owner finds it by every one of these routes.
    assertThat(http().get("/fhir/Subscription?_id=" + id).body()).contains(secret);
    assertThat(http().get("/fhir/_history?" + since + "&_count=200").body()).contains(secret);
    assertThat(http().post("/fhir", FHIR_JSON, PersonTeams.json(batch)).body()).contains(secret);
  }

  @Test
  default void theOwnerIsWrittenByTheServer_andAnUpdateCannotChangeIt() {
    Subscription forged = restHook(SubscriberEndpoint.nobodyListening());
    forged.getMeta().addTag().setSystem(OWNER_SYSTEM).setCode(TestTokens.PLATFORM_CLIENT);
    String id = subscribe(otherPlatform(), forged);

    assertThat(http().get("/fhir/Subscription/" + id).statusCode()).isEqualTo(404);
    Subscription stored = read(otherPlatform(), id);
    assertThat(stored.getMeta().getTag()).filteredOn(tag -> OWNER_SYSTEM.equals(tag.getSystem()))
        .extracting(tag -> tag.getCode()).containsExactly(OTHER_CLIENT);

    stored.getMeta().getTag().clear();
    stored.getMeta().addTag().setSystem(OWNER_SYSTEM).setCode(TestTokens.PLATFORM_CLIENT);
    stored.setReason("Handed over?");
    HttpResponse<String> updated = otherPlatform().put("/fhir/Subscription/" + id, FHIR_JSON, PersonTeams.json(stored));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

    assertThat(http().get("/fhir/Subscription/" + id).statusCode()).isEqualTo(404);
    assertThat(read(otherPlatform(), id).getMeta().getTag()).filteredOn(tag -> OWNER_SYSTEM.equals(tag.getSystem()))
        .extracting(tag -> tag.getCode()).containsExactly(OTHER_CLIENT);
    assertThat(read(otherPlatform(), id).getReason()).isEqualTo("Handed over?");
  }

  @Test
  default void conditionalInteractionsOnSubscriptions_areForbidden_forPlatformsToo() {
    String secret = "secret-" + TestData.uniqueValue();
    String id = subscribe(http(), withSecret(secret));
    FhirHttp other = otherPlatform();
    int before = ownCount(other);

    List<HttpResponse<String>> answers = List.of(
        other.put("/fhir/Subscription?_id=" + id, FHIR_JSON, PersonTeams.json(redirected(null))),
        other.patch("/fhir/Subscription?_id=" + id, "application/json-patch+json", redirectPatch()),
        other.send(other.request("/fhir/Subscription?_id=" + id).DELETE()),
        other.post("/fhir/Subscription", FHIR_JSON, PersonTeams.json(restHook(SubscriberEndpoint.nobodyListening())),
            "If-None-Exist", "_id=" + id),
        other.post("/fhir", FHIR_JSON, PersonTeams.json(bundle(BundleType.TRANSACTION, HTTPVerb.DELETE,
            "Subscription?_id=" + id))));
    answers.forEach(answer -> {
      FhirHttp.assertOutcome(answer, 403);
      assertThat(answer.body()).doesNotContain(secret);
    });

    assertThat(read(http(), id).getChannel().getEndpoint()).doesNotContain("redirected");
    assertThat(ownCount(other)).isEqualTo(before);
  }

  @Test
  default void anEndpointOffTheAllowList_isRefused_namingTheKey_onCreateAndUpdate() {
    String elsewhere = "https://platform.example.org/fhir";
    HttpResponse<String> created = http().post("/fhir/Subscription", FHIR_JSON, PersonTeams.json(restHook(elsewhere)));
    OperationOutcome outcome = FhirHttp.assertOutcome(created, 422);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(ALLOW_LIST_KEY);
    HttpResponse<String> stored = http().get("/fhir/Subscription?url=" + elsewhere + "&_summary=count");
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, stored.body()).getTotal()).isZero();

    String id = subscribe(http(), restHook(SubscriberEndpoint.nobodyListening()));
    Subscription moved = read(http(), id);
    moved.getChannel().setEndpoint(elsewhere);
    FhirHttp.assertOutcome(http().put("/fhir/Subscription/" + id, FHIR_JSON, PersonTeams.json(moved)), 422);
    assertThat(read(http(), id).getChannel().getEndpoint()).isNotEqualTo(elsewhere);
  }

  @Test
  default void aDeliveredNotification_isInThePersonsAccessLog_underTheOwningClient() {
    ConformanceExamples.loadValid(this);
    String person = PersonTeams.storePerson(this);
    String otherPerson = PersonTeams.storePerson(this);
    try (SubscriberEndpoint platform = SubscriberEndpoint.start()) {
      String id = subscribe(http(), restHook(platform.url()).setCriteria("CareTeam?patient=" + person));
      try {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
            assertThat(read(http(), id).getStatus()).isEqualTo(SubscriptionStatus.ACTIVE));
        String team = created(PersonTeams.teamOf(person));
        created(PersonTeams.teamOf(otherPerson));

        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
            assertThat(notificationsAbout(person)).singleElement().satisfies(event -> {
              assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
                  .isEqualTo(TestTokens.PLATFORM_CLIENT);
              assertThat(event.getEntity()).extracting(entity -> entity.getWhat().getReference())
                  .contains(person, "CareTeam/" + team);
            }));
        assertThat(platform.accepted()).isNotEmpty();
        assertThat(notificationsAbout(otherPerson)).isEmpty();
      } finally {
        HttpResponse<String> deleted = http().send(http().request("/fhir/Subscription/" + id).DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
      }
    }
  }

  private List<AuditEvent> notificationsAbout(String person) {
    String reader = TestTokens.token().clientId("audit-reader").scope("system/AuditEvent.rs").mint();
    HttpResponse<String> found = http().withToken(reader).get("/fhir/AuditEvent?patient=" + person + "&subtype=notification");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, found.body()).getEntry().stream()
        .map(entry -> (AuditEvent) entry.getResource()).toList();
  }

  private String created(org.hl7.fhir.r4.model.CareTeam team) {
    HttpResponse<String> response = http().post("/fhir/CareTeam", FHIR_JSON, PersonTeams.json(team));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
  }

  /** Same status, same text once the ids are set aside, and no trace of the Subscription. */
  private static void assertLikeMissing(HttpResponse<String> theirs, HttpResponse<String> missing, String id,
      String missingId, String secret) {
    OperationOutcome theirOutcome = FhirHttp.assertOutcome(theirs, 404);
    OperationOutcome missingOutcome = FhirHttp.assertOutcome(missing, 404);
    assertThat(theirOutcome.getIssueFirstRep().getDiagnostics().replace(id, "ID"))
        .isEqualTo(missingOutcome.getIssueFirstRep().getDiagnostics().replace(missingId, "ID"));
    assertThat(theirs.headers().map().keySet()).isEqualTo(missing.headers().map().keySet());
    assertThat(theirs.body()).doesNotContain(secret).doesNotContain("nobody");
  }

  private FhirHttp otherPlatform() {
    return http().withToken(TestTokens.token().clientId(OTHER_CLIENT).scope("system/*.cruds").mint());
  }

  private static String subscribe(FhirHttp client, Subscription subscription) {
    HttpResponse<String> response = client.post("/fhir/Subscription", FHIR_JSON, PersonTeams.json(subscription));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
  }

  private static Subscription read(FhirHttp client, String id) {
    HttpResponse<String> response = client.get("/fhir/Subscription/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Subscription.class, response.body());
  }

  /** How many Subscriptions the client sees. */
  private static int ownCount(FhirHttp client) {
    HttpResponse<String> response = client.get("/fhir/Subscription?_summary=count");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getTotal();
  }

  private static Subscription withSecret(String secret) {
    Subscription subscription = restHook(SubscriberEndpoint.nobodyListening());
    subscription.getChannel().addHeader("Authorization: Bearer " + secret);
    return subscription;
  }

  /** Matches nothing: its person does not exist. */
  private static Subscription restHook(String endpoint) {
    Subscription subscription = new Subscription();
    subscription.setStatus(SubscriptionStatus.REQUESTED);
    subscription.setReason("Keep the platform's copy up to date");
    subscription.setCriteria("CareTeam?patient=Patient/nobody-" + TestData.uniqueValue());
    subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
        .setPayload(SubscriptionsContract.PAYLOAD);
    return subscription;
  }

  /** An attacker's copy of the Subscription, sending to an endpoint of theirs (allowed, so only ownership stops it). */
  private static Subscription redirected(String id) {
    Subscription subscription = restHook("http://localhost:1/redirected");
    if (id != null) {
      subscription.setId(id);
    }
    return subscription;
  }

  private static String redirectPatch() {
    return "[{\"op\":\"replace\",\"path\":\"/channel/endpoint\",\"value\":\"http://localhost:1/redirected\"}]";
  }

  private static Bundle bundle(BundleType type, HTTPVerb method, String url) {
    Bundle bundle = new Bundle().setType(type);
    bundle.addEntry().getRequest().setMethod(method).setUrl(url);
    return bundle;
  }

  private static Bundle creating(BundleType type, Subscription subscription) {
    Bundle bundle = new Bundle().setType(type);
    bundle.addEntry().setResource(subscription).getRequest().setMethod(HTTPVerb.POST).setUrl("Subscription");
    return bundle;
  }
}
