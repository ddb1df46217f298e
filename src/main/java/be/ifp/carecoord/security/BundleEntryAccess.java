package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.UrlUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * A user's batch or transaction, entry by entry, before HAPI runs any of it. Every entry is judged
 * as the request it stands for, whatever way its URL is written ({@code Patient?x}, {@code /Patient?x},
 * {@code Patient/?x}, {@code Patient/_search?x} are one search):
 * <ul>
 *   <li>a GET entry that searches a person's data is narrowed to the caller's persons when it names
 *       none (as a plain search is); HAPI then runs it as a sub-request through {@link AccessGate},
 *       which judges it like any request (and refuses it if it still names persons out of reach);
 *   <li>conditional entries (If-None-Exist, or a search URL on PUT, PATCH, DELETE) are refused;
 *   <li>PUT, PATCH and DELETE of {@code Type/id} need a resource the caller can see, else the
 *       bundle is answered 404, alike for a missing resource and another person's.
 * </ul>
 * Writes are judged again where they are stored, by the same policy.
 */
@Component
class BundleEntryAccess {

  private final AccessPolicy policy;
  private final PersonData personData;
  private final PersonReach reach;
  private final VisibleResources visible;

  BundleEntryAccess(AccessPolicy policy, PersonData personData, PersonReach reach, VisibleResources visible) {
    this.policy = policy;
    this.personData = personData;
    this.reach = reach;
    this.visible = visible;
  }

  void authorise(Caller caller, RequestDetails request) {
    if (!(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Bundle.BundleEntryRequestComponent asked = entry.getRequest();
      if (!asked.hasMethod() || !asked.hasUrl()) {
        continue;
      }
      EntryUrl url = EntryUrl.parse(asked.getUrl());
      switch (asked.getMethod()) {
        case GET, HEAD -> {
          asked.setUrl(url.normalised());
          narrow(caller, asked, url, request);
        }
        case POST -> {
          if (asked.hasIfNoneExist() && !asked.getIfNoneExist().isBlank()) {
            throw PersonRoutes.conditionalRefused();
          }
        }
        case PUT, PATCH, DELETE -> {
          if (url.query() != null) {
            throw PersonRoutes.conditionalRefused();
          }
          if (url.id() != null) {
            Interaction interaction = asked.getMethod() == Bundle.HTTPVerb.DELETE ? Interaction.DELETE : Interaction.UPDATE;
            visible.require(caller, url.type(), url.id(), interaction, request);
          }
        }
        default -> { }
      }
    }
  }

  private void narrow(Caller caller, Bundle.BundleEntryRequestComponent asked, EntryUrl url, RequestDetails request) {
    String type = url.type();
    // A type the policy does not serve has no reach: its entry is refused as a sub-request.
    if (type == null || url.id() != null || url.rest() != null
        || policy.reach(caller, type, Interaction.SEARCH) != Caller.Reach.PERSONS) {
      return;
    }
    Map<String, String[]> parameters = url.query() == null ? Map.of() : UrlUtil.parseQueryString(url.query());
    PersonRoutes.refuseLookingElsewhere(parameters);
    if (!personData.personsNamedBy(type, parameters).isEmpty()) {
      return;
    }
    String parameter = personData.compartmentParameter(type);
    List<String> values = reach.personsFor(caller, type, request).stream()
        .map(person -> "_id".equals(parameter) ? person.substring(person.indexOf('/') + 1) : person).toList();
    asked.setUrl(asked.getUrl() + (url.query() == null ? "?" : "&") + parameter + "=" + String.join(",", values));
  }

  /**
   * An entry's URL taken apart: its type, id (or null), what follows them (history, an
   * operation; or null) and its query (or null).
   */
  record EntryUrl(String type, String id, String rest, String query) {

    private static final Set<String> SEARCH_SUFFIXES = Set.of("", "_search");

    static EntryUrl parse(String url) {
      int q = url.indexOf('?');
      String path = (q < 0 ? url : url.substring(0, q)).replaceAll("^/+", "");
      String query = q < 0 ? null : url.substring(q + 1);
      String[] segments = path.split("/", -1);
      String type = segments[0].isEmpty() || !Character.isUpperCase(segments[0].charAt(0)) ? null : segments[0];
      if (type == null) {
        return new EntryUrl(null, null, path, query);
      }
      if (segments.length == 1 || (segments.length == 2 && SEARCH_SUFFIXES.contains(segments[1]))) {
        return new EntryUrl(type, null, null, query);
      }
      String second = segments[1];
      if (second.startsWith("_") || second.startsWith("$")) {
        return new EntryUrl(type, null, String.join("/", List.of(segments).subList(1, segments.length)), query);
      }
      String rest = segments.length > 2 ? String.join("/", List.of(segments).subList(2, segments.length)) : null;
      return new EntryUrl(type, second, rest, query);
    }

    /** The URL as HAPI understands it best: {@code Type?query} for a search. */
    String normalised() {
      if (type == null) {
        return (rest == null ? "" : rest) + (query == null ? "" : "?" + query);
      }
      StringBuilder url = new StringBuilder(type);
      if (id != null) {
        url.append('/').append(id);
      }
      if (rest != null) {
        url.append('/').append(rest);
      }
      if (query != null) {
        url.append('?').append(query);
      }
      return url.toString();
    }
  }
}
