/**
 * Push to platforms: FHIR R4 Subscriptions of the rest-hook type. A platform that stores a
 * Subscription (criteria such as {@code CareTeam?patient=Patient/123}) is sent every matching
 * created or updated resource; delivery runs in the background, after the write has committed,
 * and is retried, so a slow or absent subscriber never holds up or fails a write. The machinery
 * is HAPI's; this package chooses which parts are on and how long a delivery is retried, and
 * keeps Subscriptions to platforms: only system clients touch them, each only its own
 * ({@link be.ifp.carecoord.subscriptions.SubscriptionAccess}), only allowed endpoints are sent to
 * ({@link be.ifp.carecoord.subscriptions.EndpointAllowList}), and each delivery is published for
 * the audit trail ({@link be.ifp.carecoord.subscriptions.NotificationDelivered}).
 */
package be.ifp.carecoord.subscriptions;
