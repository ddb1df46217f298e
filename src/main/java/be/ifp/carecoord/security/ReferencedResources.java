package be.ifp.carecoord.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * What a user's write points at must be something they can see. References must resolve on write,
 * so without this a professional could store an Observation about their own person whose
 * {@code focus} names {@code Patient/123} and learn from 201 or 400 whether that person exists,
 * then search the planted reference to learn more. A reference to a person's data (or a consent,
 * or an access log entry) that the user cannot see, because it is missing or out of their reach, is
 * refused alike (403). The directory and the conformance set are visible to every user.
 */
@Component
class ReferencedResources {

  private final FhirContext fhirContext;
  private final VisibleResources visible;

  ReferencedResources(FhirContext fhirContext, VisibleResources visible) {
    this.fhirContext = fhirContext;
    this.visible = visible;
  }

  void requireVisible(Caller caller, IBaseResource resource, Interaction interaction, RequestDetails request) {
    for (ResourceReferenceInfo reference : fhirContext.newTerser().getAllResourceReferences(resource)) {
      IIdType target = reference.getResourceReference().getReferenceElement();
      if (!target.hasResourceType() || !target.hasIdPart() || target.isAbsolute() || target.isLocal()
          || !personal(target.getResourceType()) || sameResource(resource, target)) {
        continue;
      }
      if (!visible.visible(caller, target.getResourceType(), target.getIdPart(), interaction, request)) {
        // The reference is not repeated: the answer is the same whatever it names.
        throw new ForbiddenOperationException("This " + resource.fhirType() + " refers to a "
            + target.getResourceType() + " that is not one you can see");
      }
    }
  }

  private static boolean personal(String type) {
    return AccessPolicy.kindOf(type).filter(kind -> kind == AccessPolicy.DataKind.PERSON_DATA
        || kind == AccessPolicy.DataKind.CARE_TEAM || kind == AccessPolicy.DataKind.CONSENT
        || kind == AccessPolicy.DataKind.ACCESS_LOG).isPresent();
  }

  private static boolean sameResource(IBaseResource resource, IIdType target) {
    IIdType own = resource.getIdElement();
    return own.hasIdPart() && target.getResourceType().equals(resource.fhirType())
        && target.getIdPart().equals(own.getIdPart());
  }
}
