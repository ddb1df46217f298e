package be.ifp.carecoord.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The checks HAPI's rest-hook delivery calls before and after sending each notification. */
class RestHookDeliveriesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final List<Object> published = new ArrayList<>();
  private final RestHookDeliveries deliveries = new RestHookDeliveries(
      new EndpointAllowList(List.of("https://platform.example.org/")), FHIR, published::add);

  @Test
  void aNotificationToAnEndpointNoLongerAllowed_isNotSent() {
    assertThat(deliveries.beforeDelivery(subscription("https://elsewhere.example.org/fhir"), message())).isFalse();
  }

  @Test
  void aNotificationToAnAllowedEndpoint_isSent() {
    assertThat(deliveries.beforeDelivery(subscription("https://platform.example.org/fhir"), message())).isTrue();
  }

  @Test
  void aDeliveredNotification_isPublishedForTheOwningClient() {
    deliveries.delivered(subscription("https://platform.example.org/fhir"), message());

    assertThat(published).singleElement().isInstanceOfSatisfying(NotificationDelivered.class, delivered -> {
      assertThat(delivered.client()).isEqualTo("platform-a");
      assertThat(delivered.subscription()).isEqualTo("Subscription/7");
      assertThat(delivered.resource().fhirType()).isEqualTo("CareTeam");
    });
  }

  private static CanonicalSubscription subscription(String endpoint) {
    CanonicalSubscription subscription = new CanonicalSubscription();
    subscription.setIdElement(new org.hl7.fhir.r4.model.IdType("Subscription/7"));
    subscription.setEndpointUrl(endpoint);
    subscription.setTags(Map.of(SubscriptionOwner.SYSTEM, "platform-a"));
    return subscription;
  }

  private static ResourceDeliveryMessage message() {
    CareTeam team = new CareTeam().setSubject(new Reference("Patient/1"));
    team.setId("CareTeam/3");
    ResourceDeliveryMessage message = new ResourceDeliveryMessage();
    message.setPayload(FHIR, team, EncodingEnum.JSON);
    return message;
  }
}
