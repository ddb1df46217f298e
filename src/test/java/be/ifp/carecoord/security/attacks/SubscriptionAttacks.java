package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, class 1: Subscriptions are platform tools. A user token creates none (it would push
 * B's file to its endpoint), reads none (a platform's channel header holds its secret), and
 * redirects none; another platform sees a platform's Subscription as missing.
 */
interface SubscriptionAttacks extends AttackSupport {

  /** An endpoint of its own per attempt: what was stored is found by it. Port 9 discards. */
  private static String endpoint() {
    return "http://localhost:9/hook-" + UUID.randomUUID();
  }

  private static String subscription(String criteria, String endpoint, Subscription.SubscriptionStatus status) {
    Subscription subscription = new Subscription();
    subscription.setStatus(status);
    subscription.setReason("attack suite");
    subscription.setCriteria(criteria);
    subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint(endpoint).setPayload(FHIR_JSON);
    subscription.getChannel().addHeader("Authorization: Bearer secret-" + UUID.randomUUID());
    return AttackSupport.json(subscription);
  }

  private int storedWith(String endpoint) {
    return Stored.count(this, "Subscription?url=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8));
  }

  /** Deletes what an attack that came through stored, so that nothing is delivered to it. */
  private void removeStored(String endpoint) {
    Bundle found = AttackSupport.bundle(http().get("/fhir/Subscription?url=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8)));
    found.getEntry().forEach(e -> delete(http(), "/fhir/Subscription/" + e.getResource().getIdPart()));
  }

  private void assertSubscribingRefused(FhirHttp caller, String criteria) {
    String endpoint = endpoint();
    try {
      HttpResponse<String> answer = caller.post("/fhir/Subscription", FHIR_JSON,
          subscription(criteria, endpoint, Subscription.SubscriptionStatus.REQUESTED));
      assertRefused(answer, 403);
      assertThat(storedWith(endpoint)).as("Subscriptions stored for " + criteria).isZero();
    } finally {
      removeStored(endpoint);
    }
  }

  /** A platform's own Subscription, off (nothing is delivered), with the secret in its header. */
  private Subscription platformsSubscription() {
    HttpResponse<String> created = http().post("/fhir/Subscription", FHIR_JSON,
        subscription("CarePlan?subject=" + ours().id(PATIENT), endpoint(), Subscription.SubscriptionStatus.OFF));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return AttackSupport.parse(Subscription.class, created.body());
  }

  @Test
  default void professional_cannotSubscribeToEveryPatient() {
    assertSubscribingRefused(p1(), "Patient?");
  }

  @Test
  default void professional_cannotSubscribeToAnotherPersonsTeams() {
    assertSubscribingRefused(p1(), "CareTeam?patient=" + theirs().id(PATIENT));
  }

  @Test
  default void person_cannotSubscribe_evenToHerOwnPlan() {
    assertSubscribingRefused(as(Attackers.person(ours(), "patient/*.cruds")), "CarePlan?subject=" + ours().id(PATIENT));
  }

  @Test
  default void professional_cannotReadOrListAPlatformsSubscription() {
    Subscription own = platformsSubscription();
    String secret = own.getChannel().getHeader().get(0).getValue();

    for (HttpResponse<String> answer : java.util.List.of(
        p1().get("/fhir/Subscription/" + own.getIdPart()),
        p1().get("/fhir/Subscription?_count=200"),
        p1().get("/fhir/Subscription?url=" + URLEncoder.encode(own.getChannel().getEndpoint(), StandardCharsets.UTF_8)))) {
      assertRefused(answer, 403);
      assertThat(answer.body()).doesNotContain(secret).doesNotContain(own.getChannel().getEndpoint());
    }
  }

  @Test
  default void professional_cannotRedirectAPlatformsFeed() {
    Subscription own = platformsSubscription();
    String before = Stored.version(this, "Subscription/" + own.getIdPart());
    Subscription redirected = own.copy();
    redirected.getChannel().setEndpoint(endpoint());

    assertRefused(p1().put("/fhir/Subscription/" + own.getIdPart(), FHIR_JSON, AttackSupport.json(redirected)), 403);

    assertThat(Stored.version(this, "Subscription/" + own.getIdPart())).isEqualTo(before);
    assertThat(storedWith(redirected.getChannel().getEndpoint())).isZero();
  }

  @Test
  default void anotherPlatform_seesAPlatformsSubscription_asMissing_andCannotRedirectIt() {
    Subscription own = platformsSubscription();
    String secret = own.getChannel().getHeader().get(0).getValue();
    String before = Stored.version(this, "Subscription/" + own.getIdPart());
    FhirHttp other = as(Attackers.otherPlatform());
    Subscription redirected = own.copy();
    redirected.getChannel().setEndpoint(endpoint());

    HttpResponse<String> read = other.get("/fhir/Subscription/" + own.getIdPart());
    String missingId = AttackSupport.missingId();
    HttpResponse<String> missing = other.get("/fhir/Subscription/" + missingId);
    HttpResponse<String> listed = other.get("/fhir/Subscription?_count=200");
    HttpResponse<String> put = other.put("/fhir/Subscription/" + own.getIdPart(), FHIR_JSON, AttackSupport.json(redirected));

    assertRefused(read, 404);
    assertThat(missing.statusCode()).isEqualTo(read.statusCode());
    assertRefused(put, 404);
    // The refusals name only the id the caller asked for, in the words a missing one gets.
    assertThat(read.body().replace(own.getIdPart(), "{id}")).isEqualTo(missing.body().replace(missingId, "{id}"));
    for (HttpResponse<String> answer : java.util.List.of(read, listed, put)) {
      assertThat(answer.body()).doesNotContain(secret);
    }
    assertThat(listed.body()).doesNotContain("Subscription/" + own.getIdPart());
    assertThat(Stored.version(this, "Subscription/" + own.getIdPart())).isEqualTo(before);
  }

  @Test
  default void platform_readsItsOwnSubscription_withItsHeader() {
    Subscription own = platformsSubscription();

    HttpResponse<String> read = as(TestTokens.platform()).get("/fhir/Subscription/" + own.getIdPart());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains(own.getChannel().getHeader().get(0).getValue());
  }
}
