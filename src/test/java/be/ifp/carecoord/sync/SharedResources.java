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

  /** Shared resources as platforms should sync them: each created unless it exists. */
  static String conditionalCreatesJson(String practitionerValue, String organisationValue) {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    conditionalCreate(bundle, practitioner(practitionerValue), practitionerValue);
    conditionalCreate(bundle, organisation(organisationValue), organisationValue);
    return json(bundle);
  }

  /** The practitioner created unless he exists, the organisation upserted by identifier. */
  static String conditionalCreateAndUpdateJson(String practitionerValue, String organisationValue) {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    conditionalCreate(bundle, practitioner(practitionerValue), practitionerValue);
    bundle.addEntry().setResource(organisation(organisationValue)).getRequest()
        .setMethod(HTTPVerb.PUT).setUrl("Organization?" + byTestIdentifier(organisationValue));
    return json(bundle);
  }

  private static void conditionalCreate(Bundle bundle, Resource resource, String testValue) {
    bundle.addEntry().setResource(resource).getRequest()
        .setMethod(HTTPVerb.POST).setUrl(resource.fhirType()).setIfNoneExist(byTestIdentifier(testValue));
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
