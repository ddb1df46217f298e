package be.ifp.carecoord.sync;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.sync.SubscriberEndpoint.Notification;
import ca.uhn.fhir.util.HapiExtensions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

/**
 * Push to platforms: a platform that subscribes to a person's teams is sent each created or
 * updated team on its own HTTP endpoint (started by the test), and nothing of other persons;
 * a delivery the endpoint refuses is retried; a platform that is down holds up no write.
 */
public interface SubscriptionsContract extends FhirServerAccess {

  String PAYLOAD = "application/fhir+json";

  /**
   * Activation and delivery run in the background, every few seconds by default (the
   * submission interval), and a retried delivery waits longer each time: generous on a loaded
   * build machine.
   */
  Duration PATIENCE = Duration.ofSeconds(90);

  Duration POLL = Duration.ofMillis(250);

  @Test
  default void aTeamOfTheSubscribedPerson_isSentToThePlatform_andAnotherPersonsTeamIsNot() {
    ConformanceExamples.loadValid(this);
    String person = PersonTeams.storePerson(this);
    String otherPerson = PersonTeams.storePerson(this);
    try (SubscriberEndpoint platform = SubscriberEndpoint.start()) {
      String subscription = subscribeActive("CareTeam?patient=" + person, platform.url());
      try {
        // The other person's team is written first: had it matched, it would be queued first.
        create(PersonTeams.teamOf(otherPerson));
        String team = create(PersonTeams.teamOf(person));

        Notification created = awaitNotification(platform, team, 1);
        assertThat(created.method()).isEqualTo("PUT");
        assertThat(created.contentType()).startsWith(PAYLOAD);
        CareTeam sent = FHIR.newJsonParser().parseResource(CareTeam.class, created.body());
        assertThat(sent.getSubject().getReference()).isEqualTo(person);

        CareTeam renamed = (CareTeam) client().read().resource(CareTeam.class).withId(team).execute();
        renamed.setName("Team rond " + person);
        HttpResponse<String> updated = http().put("/fhir/CareTeam/" + team, FHIR_JSON, PersonTeams.json(renamed));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

        Notification update = awaitNotification(platform, team, 2);
        assertThat(FHIR.newJsonParser().parseResource(CareTeam.class, update.body()).getName())
            .isEqualTo("Team rond " + person);
        assertThat(platform.accepted()).allSatisfy(notification ->
            assertThat(notification.path()).endsWith("/CareTeam/" + team));
      } finally {
        unsubscribe(subscription);
      }
    }
  }

  @Test
  default void aDeletedTeam_isSentAsADelete_whenThePlatformAskedForDeletes() {
    ConformanceExamples.loadValid(this);
    String person = PersonTeams.storePerson(this);
    try (SubscriberEndpoint platform = SubscriberEndpoint.start()) {
      Subscription withDeletes = restHook("CareTeam?patient=" + person, platform.url());
      withDeletes.getChannel().addExtension(HapiExtensions.EX_SEND_DELETE_MESSAGES, new BooleanType(true));
      String subscription = subscribeActive(withDeletes);
      try {
        String team = create(PersonTeams.teamOf(person));
        awaitNotification(platform, team, 1);

        HttpResponse<String> deleted = http().send(http().request("/fhir/CareTeam/" + team).DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);

        Notification delete = awaitNotification(platform, team, 2);
        assertThat(delete.method()).isEqualTo("DELETE");
      } finally {
        unsubscribe(subscription);
      }
    }
  }

  @Test
  default void plansAndEpisodesOfAPerson_canBeSubscribedTo() {
    String person = PersonTeams.storePerson(this);
    String endpoint = SubscriberEndpoint.nobodyListening();

    for (String criteria : List.of("CarePlan?patient=" + person, "EpisodeOfCare?patient=" + person)) {
      unsubscribe(subscribeActive(criteria, endpoint));
    }
  }

  @Test
  default void aDeliveryThePlatformRefuses_isRetriedUntilItIsAccepted() {
    ConformanceExamples.loadValid(this);
    String person = PersonTeams.storePerson(this);
    int refusals = 2;
    try (SubscriberEndpoint platform = SubscriberEndpoint.failingFirst(refusals)) {
      String subscription = subscribeActive("CareTeam?patient=" + person, platform.url());
      try {
        String team = create(PersonTeams.teamOf(person));

        awaitNotification(platform, team, 1);
        assertThat(platform.attempts()).isEqualTo(refusals + 1);
      } finally {
        unsubscribe(subscription);
      }
    }
  }

  @Test
  default void aPlatformThatIsDown_holdsUpNoWrite() {
    ConformanceExamples.loadValid(this);
    String person = PersonTeams.storePerson(this);
    String subscription = subscribeActive("CareTeam?patient=" + person, SubscriberEndpoint.nobodyListening());
    try {
      String team = create(PersonTeams.teamOf(person));
      for (int edit = 1; edit <= 3; edit++) {
        CareTeam renamed = (CareTeam) client().read().resource(CareTeam.class).withId(team).execute();
        renamed.setName("Edit " + edit);
        HttpResponse<String> updated = http().put("/fhir/CareTeam/" + team, FHIR_JSON, PersonTeams.json(renamed));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
      }
      assertThat(client().read().resource(CareTeam.class).withId(team).execute().getName()).isEqualTo("Edit 3");
    } finally {
      unsubscribe(subscription);
    }
  }

  @Test
  default void aSubscriptionWithUnknownCriteria_isRefused() {
    Subscription subscription = restHook("CareTeam?no-such-parameter=1", SubscriberEndpoint.nobodyListening());

    FhirHttp.assertOutcome(post(subscription), 422);
  }

  @Test
  default void aSubscriptionToTheAuditTrail_isRefused() {
    Subscription subscription = restHook("AuditEvent?patient=Patient/maria", SubscriberEndpoint.nobodyListening());

    HttpResponse<String> response = post(subscription);

    FhirHttp.assertOutcome(response, 422);
    assertThat(response.body()).contains("Subscription.criteria");
  }

  @Test
  default void aSubscriptionOfAnotherChannelThanRestHook_isRefused() {
    Subscription subscription = restHook("CareTeam?patient=Patient/maria", "mailto:platform@example.org");
    subscription.getChannel().setType(SubscriptionChannelType.EMAIL);

    FhirHttp.assertOutcome(post(subscription), 422);
  }

  @Test
  default void aSubscriptionWithAnEndpointThatIsNotHttp_isRefused() {
    Subscription subscription = restHook("CareTeam?patient=Patient/maria", "ftp://platform.example.org/fhir");

    FhirHttp.assertOutcome(post(subscription), 422);
  }

  /**
   * Stores a rest-hook Subscription as a platform would (status requested) and waits until the
   * server has activated it.
   */
  private String subscribeActive(String criteria, String endpoint) {
    return subscribeActive(restHook(criteria, endpoint));
  }

  private String subscribeActive(Subscription subscription) {
    HttpResponse<String> response = post(subscription);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String id = new IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
    patiently().untilAsserted(() ->
        assertThat(client().read().resource(Subscription.class).withId(id).execute().getStatus())
            .isEqualTo(SubscriptionStatus.ACTIVE));
    return id;
  }

  private static Subscription restHook(String criteria, String endpoint) {
    Subscription subscription = new Subscription();
    subscription.setStatus(SubscriptionStatus.REQUESTED);
    subscription.setReason("Keep the platform's copy of the person's file up to date");
    subscription.setCriteria(criteria);
    subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint).setPayload(PAYLOAD);
    return subscription;
  }

  private HttpResponse<String> post(Subscription subscription) {
    return http().post("/fhir/Subscription", FHIR_JSON, PersonTeams.json(subscription));
  }

  /** Subscriptions stay active in the shared server otherwise. */
  private void unsubscribe(String id) {
    HttpResponse<String> response = http().send(http().request("/fhir/Subscription/" + id).DELETE());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
  }

  private String create(CareTeam team) {
    HttpResponse<String> response = http().post("/fhir/CareTeam", FHIR_JSON, PersonTeams.json(team));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
  }

  /** The {@code count}th notification the platform accepted about the team. */
  private static Notification awaitNotification(SubscriberEndpoint platform, String team, int count) {
    patiently().until(() -> platform.accepted().stream()
        .filter(n -> n.path().endsWith("/CareTeam/" + team)).count() >= count);
    return platform.accepted().stream().filter(n -> n.path().endsWith("/CareTeam/" + team))
        .skip(count - 1L).findFirst().orElseThrow();
  }

  /**
   * Polls until the deadline. HAPI's delivery threads end a notification they gave up on with an
   * exception (e.g. the retries of an earlier test's unsubscribed platform): that is not this
   * test's failure, so Awaitility must not take uncaught exceptions for its own.
   */
  private static ConditionFactory patiently() {
    return Awaitility.await().atMost(PATIENCE).pollInterval(POLL).dontCatchUncaughtExceptions();
  }
}
