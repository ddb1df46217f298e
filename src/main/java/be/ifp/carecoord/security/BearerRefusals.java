package be.ifp.carecoord.security;

import be.ifp.carecoord.web.FhirErrorResponses;
import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers requests refused before they reach the FHIR servlet (no token, a bad token, a token
 * without the scope a path needs) as FHIR clients expect: the status and
 * {@code WWW-Authenticate: Bearer …} header of RFC 6750, as Spring Security sets them, and an
 * OperationOutcome body instead of an empty one.
 */
class BearerRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final FhirContext fhirContext;
  private final String whyDenied;
  private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

  /**
   * @param whyDenied what a valid token lacks when it is refused here (Spring's own message says
   *     only "Access Denied")
   */
  BearerRefusals(FhirContext fhirContext, String whyDenied) {
    this.fhirContext = fhirContext;
    this.whyDenied = whyDenied;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
      throws IOException {
    challenge.commence(request, response, refusal);
    FhirErrorResponses.write(fhirContext, response, HttpServletResponse.SC_UNAUTHORIZED, IssueType.LOGIN,
        "A valid bearer token is required: " + refusal.getMessage());
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
      throws IOException {
    denial.handle(request, response, refusal);
    FhirErrorResponses.write(fhirContext, response, HttpServletResponse.SC_FORBIDDEN, IssueType.FORBIDDEN,
        "Access denied: " + whyDenied);
  }
}
