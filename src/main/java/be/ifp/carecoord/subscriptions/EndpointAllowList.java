package be.ifp.carecoord.subscriptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The endpoints the server may send a person's data to ({@value #KEY}): URL prefixes the
 * operator names, empty by default, so that nothing leaves the server until the platforms' hosts
 * are configured. A prefix matches only up to a boundary ({@code http://localhost} allows
 * {@code http://localhost:8081/fhir}, not {@code http://localhost.example.org/}), and an endpoint
 * with user info ({@code http://localhost:x@elsewhere/}), which names another host than it seems
 * to, is never allowed.
 */
final class EndpointAllowList {

  static final String KEY = "ifp.subscriptions.endpoint-allow-list";
  private static final String BOUNDARIES = "/:?#";

  private final List<String> prefixes;

  EndpointAllowList(List<String> prefixes) {
    this.prefixes = prefixes.stream().map(String::strip).filter(prefix -> !prefix.isEmpty()).toList();
  }

  boolean allows(String endpoint) {
    if (endpoint == null || !plainUrl(endpoint.strip())) {
      return false;
    }
    String url = endpoint.strip();
    return prefixes.stream().anyMatch(prefix -> url.startsWith(prefix) && (url.length() == prefix.length()
        || prefix.endsWith("/") || BOUNDARIES.indexOf(url.charAt(prefix.length())) >= 0));
  }

  private static boolean plainUrl(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      return uri.isAbsolute() && uri.getRawUserInfo() == null && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
