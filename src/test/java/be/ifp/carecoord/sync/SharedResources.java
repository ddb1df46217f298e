package be.ifp.carecoord.sync;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * The professionals and organisations every platform shares: Maria's GP and his practice from
 * the IG examples (valid NIHDI and CBE numbers), each with a second, fresh test identifier that
 * the conditional URLs use, so that tests never see each other's resources.
 */
final class SharedResources {

  private SharedResources() {}

  static Organization organisation(String testValue) {
    Organization organisation = example(Organization.class, "Organization-gp-practice.json");
    organisation.addIdentifier().setSystem(TestData.TEST_SYSTEM).setValue(testValue);
    return organisation;
  }

  static Practitioner practitioner(String testValue) {
    Practitioner practitioner = example(Practitioner.class, "Practitioner-general-practitioner.json");
    practitioner.addIdentifier().setSystem(TestData.TEST_SYSTEM).setValue(testValue);
    return practitioner;
  }

  static String organisationJson(String testValue) {
    return json(organisation(testValue));
  }

  /** The search a conditional create or update names the resource by. */
  static String byTestIdentifier(String testValue) {
    return "identifier=" + TestData.TEST_SYSTEM + "|" + testValue;
  }

  /** The same search in a request URL, where the bar must be percent-encoded. */
  static String byTestIdentifierInUrl(String testValue) {
    return byTestIdentifier(testValue).replace("|", "%7C");
  }

  /**
   * A platform's sync of shared resources in one transaction: the practitioner created unless he
   * exists ({@code ifNoneExist}), the organisation upserted ({@code PUT Organization?identifier=}).
   */
  static String transactionJson(String practitionerValue, String organisationValue) {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    bundle.addEntry().setResource(practitioner(practitionerValue)).getRequest()
        .setMethod(HTTPVerb.POST).setUrl("Practitioner").setIfNoneExist(byTestIdentifier(practitionerValue));
    bundle.addEntry().setResource(organisation(organisationValue)).getRequest()
        .setMethod(HTTPVerb.PUT).setUrl("Organization?" + byTestIdentifier(organisationValue));
    return json(bundle);
  }

  private static <T extends Resource> T example(Class<T> type, String file) {
    T resource = FhirServerAccess.FHIR.newJsonParser()
        .parseResource(type, ConformanceExamples.read(ConformanceExamples.EXAMPLES.resolve(file)));
    // Server-assigned ids: the example's own id is Maria's stored resource.
    resource.setIdElement(null);
    return resource;
  }

  private static String json(Resource resource) {
    return FhirServerAccess.FHIR.newJsonParser().encodeResourceToString(resource);
  }
}
