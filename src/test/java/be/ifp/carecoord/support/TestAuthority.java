package be.ifp.carecoord.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authorisation server of the tests, inside the test JVM: a signing key generated at start
 * and its JWKS served over HTTP on a free port, as a real issuer publishes it (fetches are
 * counted; {@link #publish} rotates a key in). Every server the tests start trusts this
 * issuer (see {@link #serverProperties()}); {@link TestTokens} signs with its key.
 */
public final class TestAuthority {

  public static final String ISSUER = "https://auth.test.invalid/realms/ifp";
  public static final String AUDIENCE = "ifp-carecoord";
  static final String JWKS_PATH = "/jwks";

  /**
   * How often the servers of the tests refetch the JWKS for an unknown key id: short, so that a
   * test sees a rotated key picked up.
   */
  public static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(2);

  private static final RSAKey KEY = newKey("test-key");
  private static final RSAKey UNPUBLISHED = newKey("unpublished");
  private static final List<RSAKey> PUBLISHED = new CopyOnWriteArrayList<>(List.of(KEY));
  private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
  private static final String JWKS_URL = serveJwks();

  private TestAuthority() {}

  /** The authority's signing key (its public half is what the JWKS serves). */
  public static RSAKey signingKey() {
    return KEY;
  }

  /** A key the server does not know, for tokens with a signature it must refuse. */
  static RSAKey strangerKey() {
    // Same key id as ours: the server must check the signature, not just miss the key.
    return newKey(KEY.getKeyID());
  }

  /** A key the server does not know, under a key id its JWKS does not hold. */
  public static RSAKey unpublishedKey(String keyId) {
    return new RSAKey.Builder(UNPUBLISHED).keyID(keyId).build();
  }

  /** A new signing key, not published yet (generating one takes a while). */
  public static RSAKey newSigningKey() {
    return newKey("rotated-" + UUID.randomUUID());
  }

  /** Adds the key to the JWKS (key rotation), keeping the others. */
  public static void publish(RSAKey key) {
    PUBLISHED.add(key);
  }

  /** How many times servers have fetched the JWKS so far. */
  public static int jwksFetches() {
    return JWKS_FETCHES.get();
  }

  /** A system client that configuration limits to Observations of Wallonia. */
  public static final String LIMITED_CLIENT = "wal-assessment-exporter";

  /** The settings under which a server trusts this issuer (and knows the limited client). */
  public static Map<String, String> serverProperties() {
    return Map.of(
        "ifp.security.jwt.issuer", ISSUER,
        "ifp.security.jwt.jwks-url", JWKS_URL,
        "ifp.security.jwt.audience", AUDIENCE,
        "ifp.security.jwt.jwks-refetch-interval", JWKS_REFETCH_INTERVAL.toMillis() + "ms",
        "ifp.subscriptions.endpoint-allow-list", "http://localhost",
        "ifp.security.system-clients." + LIMITED_CLIENT + ".resource-types", "Observation,CareTeam",
        "ifp.security.system-clients." + LIMITED_CLIENT + ".entity", "WAL");
  }

  /** The same settings as command-line arguments, for servers started with SpringApplicationBuilder or as a process. */
  public static List<String> serverArguments() {
    return serverProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
  }

  private static RSAKey newKey(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serveJwks() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(JWKS_PATH, exchange -> {
        JWKS_FETCHES.incrementAndGet();
        byte[] jwks = new JWKSet(PUBLISHED.stream().map(key -> (JWK) key.toPublicJWK()).toList()).toString()
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, jwks.length);
        try (OutputStream body = exchange.getResponseBody()) {
          body.write(jwks);
        }
      });
      // Daemon threads: the server lives as long as the test JVM.
      server.setExecutor(null);
      server.start();
      return "http://localhost:" + server.getAddress().getPort() + JWKS_PATH;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
