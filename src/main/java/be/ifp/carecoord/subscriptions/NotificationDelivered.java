package be.ifp.carecoord.subscriptions;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A platform accepted a notification: the resource (a person's data) left the server for the
 * client that owns the Subscription. Published as a Spring event, so that the audit trail records
 * it as an access to the person's data without this package knowing about the audit.
 *
 * @param client the client id of the Subscription's owner
 * @param subscription the Subscription, {@code Subscription/123}
 * @param resource what was sent (for a delete, the resource as it was)
 */
public record NotificationDelivered(String client, String subscription, IBaseResource resource) {}
