package be.ifp.carecoord.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;

/**
 * A validation support chain without a server: the given resources first, then the R4 base
 * definitions shipped with HAPI, in-memory terminology and snapshot generation. No network. Used
 * where the package is built and where validation is measured outside the server.
 */
public final class StandaloneValidationChain {

  private StandaloneValidationChain() {}

  public static ValidationSupportChain of(FhirContext fhirContext, IValidationSupport own) {
    return new ValidationSupportChain(
        own,
        new DefaultProfileValidationSupport(fhirContext),
        new InMemoryTerminologyServerValidationSupport(fhirContext),
        new CommonCodeSystemsTerminologyService(fhirContext),
        new SnapshotGeneratingValidationSupport(fhirContext));
  }
}
