package be.ifp.carecoord.support;

import com.nimbusds.jose.JOSEException;
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
import java.util.List;
import java.util.Map;

/**
 * The authorisation server of the tests, inside the test JVM: a signing key generated at start
 * and its JWKS served over HTTP on a free port, as a real issuer publishes it. Every server the
 * tests start trusts this issuer (see {@link #serverProperties()}); {@link TestTokens} signs with
 * its key.
 */
public final class TestAuthority {

  public static final String ISSUER = "https://auth.test.invalid/realms/ifp";
  public static final String AUDIENCE = "ifp-carecoord";
  static final String JWKS_PATH = "/jwks";

  private static final RSAKey KEY = newKey("test-key");
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

  /** A system client that configuration limits to Observations of Wallonia. */
  public static final String LIMITED_CLIENT = "wal-assessment-exporter";

  /** The settings under which a server trusts this issuer (and knows the limited client). */
  public static Map<String, String> serverProperties() {
    return Map.of(
        "ifp.security.jwt.issuer", ISSUER,
        "ifp.security.jwt.jwks-url", JWKS_URL,
        "ifp.security.jwt.audience", AUDIENCE,
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
    byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(JWKS_PATH, exchange -> {
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
