package be.ifp.carecoord.web;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Refuses any request body that declares a DTD or an entity ({@code <!DOCTYPE}, {@code
 * <!ENTITY}), in XML resources and in the XHTML narratives that JSON resources carry, before a
 * parser sees it. FHIR never needs them, and they are the vehicle of external-entity (XXE) file
 * reads, server-side requests and entity-expansion attacks.
 */
@Component
@Interceptor
class XmlDeclarationGuard implements RestServerInterceptor {

  /** {@code <!DOCTYPE} or {@code <!ENTITY}, also when written as a JSON escape of "<". */
  private static final Pattern DECLARATION =
      Pattern.compile("(?i)(<|\\\\u003c)!\\s*(doctype|entity)");

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean refuseDeclarations(RequestDetails request) {
    byte[] body = request.loadRequestContents();
    // Latin-1 maps every byte to one char: a cheap view in which ASCII markup is found as is.
    if (body != null
        && body.length > 0
        && DECLARATION.matcher(new String(body, StandardCharsets.ISO_8859_1)).find()) {
      throw new InvalidRequestException(
          "DOCTYPE and ENTITY declarations are not accepted in FHIR content");
    }
    return true;
  }
}
