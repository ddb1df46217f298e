package be.ifp.carecoord.subscriptions;

import ca.uhn.fhir.jpa.model.config.BaseSubscriptionSettings;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Subscriptions ({@code ifp.subscriptions.*}); see docs/configuration.md.
 *
 * @param enabled activate and deliver rest-hook Subscriptions; off, a Subscription is stored as
 *     plain data and nothing is sent.
 * @param endpointPattern regular expression the whole {@code Subscription.channel.endpoint} must
 *     match, e.g. to allow only https or the platforms' own hosts; HAPI's default allows any http
 *     or https URL.
 * @param submissionInterval how often the changes that writes queued are handed on to matching:
 *     the usual delay between a write and its notification, and between storing a Subscription
 *     and its activation.
 * @param retryFor how long a delivery that fails is tried again before it is given up (and
 *     logged); zero = one attempt.
 * @param unsubscribableTypes resource types whose changes are offered to no subscription, and on
 *     which a Subscription is refused; by default the audit trail, written on every read.
 * @param endpointAllowList URL prefixes a rest-hook endpoint must start with (up to a {@code /},
 *     {@code :}, {@code ?} or {@code #}); empty by default: nothing is sent anywhere until the
 *     operator names the platforms' endpoints.
 */
@Validated
@ConfigurationProperties("ifp.subscriptions")
record SubscriptionsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(BaseSubscriptionSettings.DEFAULT_RESTHOOK_ENDPOINTURL_VALIDATION_REGEX) @NotBlank
        String endpointPattern,
    @DefaultValue("5s") @DurationMin(millis = 100) Duration submissionInterval,
    @DefaultValue("1m") @DurationMin(millis = 0) Duration retryFor,
    @DefaultValue("AuditEvent") Set<String> unsubscribableTypes,
    @DefaultValue List<String> endpointAllowList) {

  EndpointAllowList allowList() {
    return new EndpointAllowList(endpointAllowList);
  }
}
