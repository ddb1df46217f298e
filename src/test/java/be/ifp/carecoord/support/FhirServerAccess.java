package be.ifp.carecoord.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;

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
}
