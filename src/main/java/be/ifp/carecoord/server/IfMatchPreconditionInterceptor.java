package be.ifp.carecoord.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.springframework.stereotype.Component;

/**
 * Answers a stale {@code If-Match} with 412 Precondition Failed, as the FHIR specification asks
 * (http://hl7.org/fhir/R4/http.html#concurrency); HAPI's JPA layer reports it as a 409 version
 * conflict. Conflicts on requests without {@code If-Match} stay 409.
 */
@Component
@Interceptor
class IfMatchPreconditionInterceptor implements RestServerInterceptor {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException staleVersionIsPreconditionFailure(
      RequestDetails request, Throwable exception) {
    if (exception instanceof ResourceVersionConflictException conflict
        && request.getHeader(Constants.HEADER_IF_MATCH) != null) {
      return new PreconditionFailedException(
          conflict.getMessage(), conflict.getOperationOutcome());
    }
    return null;
  }
}
