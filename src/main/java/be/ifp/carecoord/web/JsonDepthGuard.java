package be.ifp.carecoord.web;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Refuses JSON bodies nested deeper than {@code ifp.web.max-json-depth}, in one pass over the
 * bytes before any parser runs: the FHIR parser recurses per level, so a body of a few kilobytes
 * of brackets could otherwise exhaust the stack or the CPU.
 */
@Component
@Interceptor
class JsonDepthGuard implements RestServerInterceptor {

  private final int maxDepth;

  JsonDepthGuard(WebProperties properties) {
    this.maxDepth = properties.maxJsonDepth();
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean refuseDeepNesting(RequestDetails request) {
    byte[] body = request.loadRequestContents();
    if (body != null && isJson(body) && depthExceeds(body, maxDepth)) {
      throw new InvalidRequestException(
          "JSON nested deeper than the limit of " + maxDepth + " levels");
    }
    return true;
  }

  private static boolean isJson(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  /** Whether brackets outside strings nest deeper than {@code limit}. */
  static boolean depthExceeds(byte[] body, int limit) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : body) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > limit) {
          return true;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return false;
  }
}
