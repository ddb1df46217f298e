package be.ifp.carecoord.profiles;

import be.ifp.carecoord.server.RequestBodies;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Makes {@code POST [type]/$validate} without a {@code profile} parameter check the IFP profile
 * that a write of the same resource would be checked against, so that {@code $validate} and a
 * write give the same verdict. A {@code profile} the client gives is left as it is. Only the
 * plain form (the resource as the body) is handled; a Parameters body keeps HAPI's behaviour.
 */
@Component
@Interceptor
class ValidateOperationProfileInterceptor implements RestServerInterceptor {

  private final FhirContext fhirContext;
  private final ProfileSelector selector;

  ValidateOperationProfileInterceptor(FhirContext fhirContext, ProfileSelector selector) {
    this.fhirContext = fhirContext;
    this.selector = selector;
  }

  /** Before the operation's parameters are read (they are fixed by the time it is handled). */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean addProfileToValidate(RequestDetails request) {
    if (!Constants.EXTOP_VALIDATE.equals(request.getOperation())
        || request.getParameters().containsKey(Constants.EXTOP_VALIDATE_PROFILE)) {
      return true;
    }
    Resource resource = RequestBodies.resource(fhirContext, request);
    if (resource == null || "Parameters".equals(resource.fhirType())) {
      return true;
    }
    List<String> profiles = selector.profilesFor(resource);
    if (!profiles.isEmpty()) {
      // The most specific one: role profiles derive from ifp-practitioner-role.
      request.addParameter(Constants.EXTOP_VALIDATE_PROFILE,
          new String[] {profiles.get(profiles.size() - 1)});
    }
    return true;
  }
}
