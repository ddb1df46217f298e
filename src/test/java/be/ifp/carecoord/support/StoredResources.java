package be.ifp.carecoord.support;

import org.hl7.fhir.r4.model.Bundle;

/** Counts what is stored, bypassing HAPI's search cache, to prove a refused write left nothing. */
public final class StoredResources {

  private StoredResources() {}

  public static int count(FhirServerAccess server, String resourceType) {
    Bundle bundle =
        server
            .client()
            .search()
            .byUrl(resourceType + "?_summary=count")
            .returnBundle(Bundle.class)
            .cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
            .execute();
    return bundle.getTotal();
  }

  public static int withTestIdentifier(
      FhirServerAccess server, String resourceType, String identifierValue) {
    Bundle bundle =
        server
            .client()
            .search()
            .byUrl(resourceType + "?identifier=" + TestData.TEST_SYSTEM + "|" + identifierValue)
            .returnBundle(Bundle.class)
            .cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
            .execute();
    return bundle.getEntry().size();
  }
}
