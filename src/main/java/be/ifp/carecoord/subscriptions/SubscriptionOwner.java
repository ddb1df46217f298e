package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.domain.Canonicals;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The client a Subscription belongs to, kept in a {@code meta.tag} of our own system (code = the
 * client id). The server writes it, whatever the client sent; a tag rather than an extension,
 * because {@code _tag} lets a search be narrowed to a client's own Subscriptions in the database.
 */
final class SubscriptionOwner {

  static final String SYSTEM = Canonicals.BASE + "/CodeSystem/subscription-owner";

  private SubscriptionOwner() {}

  /** The owner; empty when the Subscription has none or, tampered with, more than one. */
  static Optional<String> of(IBaseResource subscription) {
    List<String> owners = subscription.getMeta().getTag().stream()
        .filter(tag -> SYSTEM.equals(tag.getSystem())).map(IBaseCoding::getCode).toList();
    return owners.size() == 1 ? Optional.ofNullable(owners.get(0)) : Optional.empty();
  }

  static boolean isOwnedBy(IBaseResource subscription, String client) {
    return of(subscription).filter(client::equals).isPresent();
  }

  /** Makes {@code client} the only owner, dropping any owner tag the client sent. */
  static void stamp(IBaseResource subscription, String client) {
    subscription.getMeta().getTag().removeIf(tag -> SYSTEM.equals(tag.getSystem()));
    subscription.getMeta().addTag().setSystem(SYSTEM).setCode(client).setDisplay("Subscription owner");
  }

  /** The {@code _tag} value that finds the client's Subscriptions. */
  static String searchValue(String client) {
    return SYSTEM + "|" + client;
  }
}
