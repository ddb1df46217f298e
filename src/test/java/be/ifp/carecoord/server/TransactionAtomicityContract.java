package be.ifp.carecoord.server;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import be.ifp.carecoord.support.TestData;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.junit.jupiter.api.Test;

/** A transaction is all or nothing. */
public interface TransactionAtomicityContract extends FhirServerAccess {

  @Test
  default void transactionFailingInItsLastEntry_leavesNothingBehind() {
    String value = TestData.uniqueValue();
    int observationsBefore = StoredResources.count(this, "Observation");
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:" + value).setResource(TestData.patient(value))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setResource(TestData.observationAbout("urn:uuid:" + value))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");
    // The last entry points to a patient that does not exist.
    transaction.addEntry().setResource(TestData.observationAbout("Patient/missing-" + value))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");

    HttpResponse<String> response = http().post("/fhir", FhirHttp.FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(transaction));

    FhirHttp.assertOutcome(response, 400);
    assertThat(response.body()).contains("missing-" + value);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
    assertThat(StoredResources.count(this, "Observation")).isEqualTo(observationsBefore);
  }
}
