package be.ifp.carecoord.sync;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;

/**
 * The conditional URL under which a resource is being created, in one spelling: {@code
 * Type?query} with the query decoded, whichever way the client wrote it (a conditional update's
 * URL, an {@code If-None-Exist} header, or a transaction entry's {@code request}).
 */
final class ConditionalUrls {

  private ConditionalUrls() {}

  /**
   * The conditional URL that creates {@code resource} in {@code request}, or null if none.
   *
   * @param bundle the transaction or batch Bundle the request is processing, or null
   */
  static String creating(IBaseResource resource, RequestDetails request, Bundle bundle) {
    String type = resource.fhirType();
    if (bundle != null) {
      return bundle.getEntry().stream()
          .filter(entry -> entry.getResource() == resource)
          .findFirst()
          .map(entry -> normalised(type, entryCondition(entry)))
          .orElse(null);
    }
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == RestOperationTypeEnum.CREATE || operation == RestOperationTypeEnum.UPDATE) {
      return normalised(type, request.getConditionalUrl(operation));
    }
    return null;
  }

  private static String entryCondition(BundleEntryComponent entry) {
    Bundle.BundleEntryRequestComponent request = entry.getRequest();
    if (request.getMethod() == HTTPVerb.POST) {
      return request.getIfNoneExist();
    }
    if (request.getMethod() == HTTPVerb.PUT && request.getUrl() != null && request.getUrl().contains("?")) {
      return request.getUrl();
    }
    return null;
  }

  /** {@code identifier=a|b}, {@code Type?identifier=a%7Cb} → {@code Type?identifier=a|b}. */
  static String normalised(String type, String condition) {
    if (condition == null || condition.isBlank()) {
      return null;
    }
    int question = condition.indexOf('?');
    String query = question < 0 ? condition : condition.substring(question + 1);
    return type + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8);
  }
}
