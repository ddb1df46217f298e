package be.ifp.carecoord.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.junit.jupiter.api.Test;

class ServableSubscriptionsTest {

  private static final String PLATFORM = "https://platform.example.org";

  private final ServableSubscriptions subscriptions =
      new ServableSubscriptions(Set.of("AuditEvent"), new EndpointAllowList(List.of(PLATFORM)));

  @Test
  void aSubscriptionToAnUnsubscribableType_isRefused_onCreateAndUpdate() {
    assertThatThrownBy(() -> subscriptions.created(restHook("AuditEvent?patient=Patient/1")))
        .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("AuditEvent");
    assertThatThrownBy(() -> subscriptions.updated(null, restHook(" AuditEvent")))
        .isInstanceOf(UnprocessableEntityException.class);
  }

  @Test
  void aSubscriptionOfAnotherChannel_isRefused() {
    Subscription email = restHook("CareTeam?patient=Patient/1");
    email.getChannel().setType(SubscriptionChannelType.EMAIL);

    assertThatThrownBy(() -> subscriptions.created(email))
        .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("rest-hook");
  }

  @Test
  void aRestHookSubscriptionToAnotherType_passes() {
    subscriptions.created(restHook("CareTeam?patient=Patient/1"));
    subscriptions.created(restHook("AuditEventLike?x=1"));
  }

  @Test
  void aSubscriptionToAnEndpointOffTheAllowList_isRefused_namingTheKey() {
    for (String endpoint : List.of("https://elsewhere.example.org/fhir", PLATFORM + ".evil.example/fhir",
        "https://platform.example.org@evil.example/fhir", "")) {
      Subscription subscription = restHook("CareTeam?patient=Patient/1");
      subscription.getChannel().setEndpoint(endpoint);

      assertThatThrownBy(() -> subscriptions.created(subscription)).as(endpoint)
          .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining(EndpointAllowList.KEY);
    }
  }

  @Test
  void byDefault_noEndpointIsAllowed() {
    ServableSubscriptions withDefaults = new ServableSubscriptions(Set.of(), new EndpointAllowList(List.of()));

    assertThatThrownBy(() -> withDefaults.created(restHook("CareTeam?patient=Patient/1")))
        .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining(EndpointAllowList.KEY);
  }

  @Test
  void anEndpointBelowAnAllowedPrefix_passes() {
    EndpointAllowList allowList = new EndpointAllowList(List.of(PLATFORM, "http://localhost"));

    assertThat(allowList.allows(PLATFORM + "/fhir")).isTrue();
    assertThat(allowList.allows(PLATFORM + ":8443/fhir")).isTrue();
    assertThat(allowList.allows("http://localhost:8081/platform/fhir")).isTrue();
    assertThat(allowList.allows("http://localhost.example.org/fhir")).isFalse();
    assertThat(allowList.allows("http://localhost:80@example.org/fhir")).isFalse();
  }

  private static Subscription restHook(String criteria) {
    Subscription subscription = new Subscription().setCriteria(criteria);
    subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(PLATFORM + "/fhir");
    return subscription;
  }
}
