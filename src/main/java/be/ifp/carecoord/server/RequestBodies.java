package be.ifp.carecoord.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/** Reads the resource a request carries, for hooks that run before or after HAPI reads it. */
public final class RequestBodies {

  private RequestBodies() {}

  /** The body parsed as a resource (JSON or XML), or null when it is empty or not a resource. */
  public static Resource resource(FhirContext fhirContext, RequestDetails request) {
    byte[] body = request.loadRequestContents();
    if (body == null || body.length == 0) {
      return null;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    EncodingEnum encoding = EncodingEnum.detectEncodingNoDefault(text);
    try {
      return encoding == null ? null : (Resource) encoding.newParser(fhirContext).parseResource(text);
    } catch (DataFormatException | ClassCastException unparseable) {
      // HAPI reports the parse error itself.
      return null;
    }
  }

  /**
   * The resource an operation is about: the body itself, or the {@code resource} parameter of a
   * Parameters body ({@code $validate}).
   */
  public static Resource operationSubject(FhirContext fhirContext, RequestDetails request) {
    Resource body = resource(fhirContext, request);
    if (body instanceof Parameters parameters) {
      Parameters.ParametersParameterComponent resource = parameters.getParameter("resource");
      return resource == null ? null : resource.getResource();
    }
    return body;
  }
}
