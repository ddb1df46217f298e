package be.ifp.carecoord.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;

/**
 * What a test contract needs of a running server: its FHIR base, a HAPI generic client and a
 * plain HTTP client. Contracts are interfaces with default test methods, so that one contract
 * runs unchanged against each database (see {@link H2ServerTest}, {@link PostgresServerTest}).
 */
public interface FhirServerAccess {

  FhirContext FHIR = FhirContext.forR4Cached();

  /** The FHIR base URL, e.g. {@code http://localhost:54321/fhir}. */
  String fhirBase();

  /** Root of the server (operations endpoints live under {@code /manage}). */
  String serverRoot();

  IGenericClient client();

  FhirHttp http();

  /** A HAPI client of a server, with the default token of the tests ({@link TestTokens#platform()}). */
  static IGenericClient platformClient(String fhirBase) {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = FHIR.newRestfulGenericClient(fhirBase);
    client.registerInterceptor(new BearerTokenAuthInterceptor(TestTokens.platform()));
    return client;
  }
}
