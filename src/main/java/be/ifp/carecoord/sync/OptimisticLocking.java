package be.ifp.carecoord.sync;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Whether a request names the version it expects ({@code If-Match}, or {@code request.ifMatch}
 * in a transaction or batch entry). Its conflict is the answer the client asked for (412, then
 * re-read and retry), not a race to hide: running it again would fail the same way.
 */
final class OptimisticLocking {

  private OptimisticLocking() {}

  static boolean askedFor(RequestDetails request) {
    return request.getHeader(Constants.HEADER_IF_MATCH) != null
        || request.getResource() instanceof Bundle bundle
            && bundle.getEntry().stream().anyMatch(entry -> entry.getRequest().hasIfMatch());
  }
}
