package be.ifp.carecoord.support;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running server as tests see it. Subclasses fix the database; every test class with the
 * same subclass shares one Spring context, so the server starts once per database and JVM.
 * The server trusts the {@link TestAuthority}; {@link #client()} and {@link #http()} send the
 * token of a platform with every scope ({@link TestTokens#platform()}), so that tests about
 * something else than access control need not think about it.
 */
public abstract class FhirServerTestBase implements FhirServerAccess {

  static {
    // The shared servers' background threads (HAPI giving up a notification to an earlier test's
    // platform, say) end with exceptions that are no waiting test's failure.
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
  }

  @LocalServerPort private int port;

  private IGenericClient client;
  private FhirHttp http;

  @DynamicPropertySource
  static void trustTestAuthority(DynamicPropertyRegistry registry) {
    TestAuthority.serverProperties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @Override
  public String serverRoot() {
    return "http://localhost:" + port;
  }

  @Override
  public String fhirBase() {
    return serverRoot() + "/fhir";
  }

  @Override
  public IGenericClient client() {
    if (client == null) {
      client = FhirServerAccess.platformClient(fhirBase());
    }
    return client;
  }

  @Override
  public FhirHttp http() {
    if (http == null) {
      http = new FhirHttp(serverRoot());
    }
    return http;
  }
}
