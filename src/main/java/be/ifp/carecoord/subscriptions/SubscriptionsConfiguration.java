package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.security.Callers;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.jpa.util.LoggingEmailSender;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * HAPI's subscription support, rest-hook only. The settings exist whether or not subscriptions
 * are on (HAPI's storage reads them); the submitting side (validate Subscriptions, queue every
 * change in the write's transaction) and the processing side (activate, match, deliver) only
 * when {@code ifp.subscriptions.enabled}. The in-memory queues they run on come with the storage
 * configuration.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionsConfiguration {

  @Bean
  SubscriptionSettings subscriptionSettings(SubscriptionsProperties properties) {
    SubscriptionSettings settings = new SubscriptionSettings();
    if (properties.enabled()) {
      // HAPI activates only these; other channel types are refused on write (ServableSubscriptions).
      settings.addSupportedSubscriptionType(SubscriptionChannelType.RESTHOOK);
    }
    settings.setRestHookEndpointUrlValidationRegex(properties.endpointPattern());
    settings.setSubscriptionIntervalInMs(properties.submissionInterval().toMillis());
    return settings;
  }

  /** Whether or not delivery is on: stored Subscriptions hold a platform's endpoint and secret. */
  @Bean
  SubscriptionAccess subscriptionAccess(Callers callers, DaoRegistry daos) {
    return new SubscriptionAccess(callers, daos);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "ifp.subscriptions", name = "enabled", matchIfMissing = true)
  @Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class})
  static class Delivery {

    /** Replaces HAPI's, which gives up after a fixed minute. */
    @Primary
    @Bean
    RetryPolicyProvider deliveryRetryPolicy(SubscriptionsProperties properties) {
      return new DeliveryRetryPolicy(properties.retryFor());
    }

    /** Takes the place of HAPI's matcher (which stays defined but unregistered). */
    @Primary
    @Bean
    SubscriptionMatcherInterceptor subscribableChangesMatcher(SubscriptionsProperties properties) {
      return new SubscribableChangesMatcher(properties.unsubscribableTypes());
    }

    @Bean
    ServableSubscriptions servableSubscriptions(SubscriptionsProperties properties) {
      return new ServableSubscriptions(properties.unsubscribableTypes(), properties.allowList());
    }

    @Bean
    RestHookDeliveries restHookDeliveries(SubscriptionsProperties properties, FhirContext fhirContext,
        ApplicationEventPublisher events) {
      return new RestHookDeliveries(properties.allowList(), fhirContext, events);
    }

    /**
     * HAPI's delivery wiring asks for a mail sender even though email channels are not
     * supported here; HAPI's logging one never sends anything.
     */
    @Bean
    IEmailSender emailSender() {
      return new LoggingEmailSender();
    }
  }
}
