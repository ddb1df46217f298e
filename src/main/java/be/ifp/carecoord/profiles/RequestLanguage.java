package be.ifp.carecoord.profiles;

import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.server.RulesProperties;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language a request asks for in {@code Accept-Language}, or the server's default
 * ({@code ifp.rules.default-language}): the same choice as for the rule messages, so that one
 * OperationOutcome does not mix languages.
 */
@Component
class RequestLanguage {

  private final Language fallback;

  RequestLanguage(RulesProperties rules) {
    this.fallback = rules.defaultLanguage();
  }

  Language of(RequestDetails request) {
    return ofHeader(request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /**
   * The language of the HTTP request this thread is serving (Spring binds it for every servlet
   * request), for code that HAPI calls without the RequestDetails; the default outside a request.
   */
  Language ofCurrentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? ofHeader(servlet.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
        : fallback;
  }

  private Language ofHeader(String acceptLanguage) {
    return Language.fromAcceptLanguage(acceptLanguage, fallback);
  }
}
