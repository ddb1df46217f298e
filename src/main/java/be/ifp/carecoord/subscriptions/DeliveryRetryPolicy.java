package be.ifp.carecoord.subscriptions;

import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import java.time.Duration;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.policy.TimeoutRetryPolicy;

/**
 * How long HAPI's in-memory queues try a message again after its handler failed: for a
 * notification, after the subscriber answered an error or could not be reached. HAPI's back-off
 * stays (1 s, then 10 % longer each time); only the time limit, fixed at one minute in HAPI, is
 * ours. The queues are shared by every in-memory channel, so matching and batch jobs get the
 * same limit; their handlers do not fail on a subscriber.
 */
class DeliveryRetryPolicy extends RetryPolicyProvider {

  private final Duration retryFor;

  DeliveryRetryPolicy(Duration retryFor) {
    this.retryFor = retryFor;
  }

  @Override
  protected RetryPolicy retryPolicy() {
    TimeoutRetryPolicy policy = new TimeoutRetryPolicy();
    policy.setTimeout(retryFor.toMillis());
    return policy;
  }
}
