package be.ifp.carecoord.support;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running server as tests see it. Subclasses fix the database; every test class with the
 * same subclass shares one Spring context, so the server starts once per database and JVM.
 */
public abstract class FhirServerTestBase implements FhirServerAccess {

  @LocalServerPort private int port;

  private IGenericClient client;
  private FhirHttp http;

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
      FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
      FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
      client = FHIR.newRestfulGenericClient(fhirBase());
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
