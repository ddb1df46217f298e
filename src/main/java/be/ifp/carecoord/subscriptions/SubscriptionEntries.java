package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Interaction;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryRequestComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;

/**
 * The Subscription entries of a batch or transaction, checked before any entry runs: HAPI runs a
 * GET entry without the hook that narrows searches (only with the later one that refuses), and a
 * write entry without either. A user token may not send any (403 for the whole Bundle: a
 * transaction fails as one anyway). A platform's searches are narrowed to its own Subscriptions;
 * its conditional entries and type history are refused; a write by id to a Subscription that is
 * not its own answers 404 for the Bundle, as one to a missing id would (HAPI deletes a missing id
 * without a word, so this cannot wait for storage). Reads by id are checked as requests of their
 * own ({@link SubscriptionAccess}).
 */
final class SubscriptionEntries {

  private SubscriptionEntries() {}

  static void check(Caller caller, RequestDetails request, BiPredicate<Caller, Interaction> isPlatform,
      BiConsumer<Caller, String> requireOwn) {
    if (!(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    for (BundleEntryComponent entry : bundle.getEntry()) {
      if (!touchesSubscriptions(entry)) {
        continue;
      }
      if (!isPlatform.test(caller, null)) {
        throw new ForbiddenOperationException("This Bundle has a Subscription entry: Subscriptions are for "
            + "system clients with a system/ Subscription scope; user tokens have no access to them");
      }
      checkPlatformEntry(caller, entry.getRequest(), requireOwn);
    }
  }

  private static void checkPlatformEntry(Caller caller, BundleEntryRequestComponent request,
      BiConsumer<Caller, String> requireOwn) {
    String url = request.getUrl() == null ? "" : request.getUrl();
    List<String> path = pathOf(url);
    boolean conditional = request.hasIfNoneExist()
        || (request.getMethod() != HTTPVerb.GET && request.getMethod() != HTTPVerb.POST && url.contains("?"));
    if (conditional) {
      throw SubscriptionAccess.conditionalRefused();
    }
    if (path.contains(Constants.PARAM_HISTORY) && path.size() <= 2) {
      throw new ForbiddenOperationException("Subscription/_history would list other clients' Subscriptions");
    }
    boolean search = request.getMethod() == HTTPVerb.GET
        && (path.size() == 1 || (path.size() == 2 && Constants.PARAM_SEARCH.equals(path.get(1))));
    boolean writeById = request.getMethod() != HTTPVerb.GET && request.getMethod() != HTTPVerb.POST
        && path.size() >= 2 && !path.get(1).startsWith("_");
    if (writeById) {
      requireOwn.accept(caller, path.get(1));
    }
    if (search) {
      request.setUrl(url + (url.contains("?") ? "&" : "?") + Constants.PARAM_TAG + "="
          + UrlUtil.escapeUrlParam(SubscriptionOwner.searchValue(caller.clientId())));
    }
  }

  /** Any entry whose URL or resource is about Subscriptions, in any URL form (relative, absolute, {@code _type}). */
  static boolean touchesSubscriptions(BundleEntryComponent entry) {
    if (entry.getResource() != null && SubscriptionAccess.TYPE.equals(entry.getResource().fhirType())) {
      return true;
    }
    String url = entry.getRequest().getUrl();
    if (url == null) {
      return false;
    }
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    return Arrays.asList(path.split("/")).contains(SubscriptionAccess.TYPE)
        || (query >= 0 && url.substring(query).matches(".*[?&]_type=[^&]*Subscription.*"));
  }

  /** The path segments from the resource type on: {@code [Subscription]}, {@code [Subscription, 1]}. */
  private static List<String> pathOf(String url) {
    int query = url.indexOf('?');
    List<String> segments = Arrays.stream((query < 0 ? url : url.substring(0, query)).split("/"))
        .filter(segment -> !segment.isEmpty()).toList();
    int type = segments.indexOf(SubscriptionAccess.TYPE);
    return type < 0 ? segments : segments.subList(type, segments.size());
  }
}
