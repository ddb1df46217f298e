package be.ifp.carecoord.subscriptions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Set;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.junit.jupiter.api.Test;

class ServableSubscriptionsTest {

  private final ServableSubscriptions subscriptions = new ServableSubscriptions(Set.of("AuditEvent"));

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

  private static Subscription restHook(String criteria) {
    Subscription subscription = new Subscription().setCriteria(criteria);
    subscription.getChannel().setType(SubscriptionChannelType.RESTHOOK);
    return subscription;
  }
}
