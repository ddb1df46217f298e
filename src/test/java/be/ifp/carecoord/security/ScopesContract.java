package be.ifp.carecoord.security;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * SMART scopes through the real REST API: each interaction needs its letter on its type (403 and
 * an OperationOutcome otherwise), transaction entries and writes are checked one by one, and a
 * system client limited by configuration stays within its types and entity.
 */
public interface ScopesContract extends FhirServerAccess {

  private FhirHttp with(String scope) {
    return http().withToken(TestTokens.token().scope(scope).mint());
  }

  private String storedPatient() {
    return client().create().resource(TestData.patient(TestData.uniqueValue())).execute()
        .getId().toUnqualifiedVersionless().getValue();
  }

  private int patientsWith(String identifierValue) {
    return client().search().forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndCode(TestData.TEST_SYSTEM, identifierValue))
        .returnBundle(Bundle.class).execute().getEntry().size();
  }

  @Test
  default void readAndSearchScope_doesNotAllowWrites() {
    String patient = storedPatient();
    FhirHttp reader = with("system/Patient.rs");

    assertThat(reader.get("/fhir/" + patient).statusCode()).isEqualTo(200);
    assertThat(reader.get("/fhir/Patient?_id=" + patient.substring("Patient/".length())).statusCode()).isEqualTo(200);
    String value = TestData.uniqueValue();
    assertOutcome(reader.post("/fhir/Patient", FHIR_JSON, TestData.patientJson(value)), 403);
    assertOutcome(reader.method("DELETE", "/fhir/" + patient, FHIR_JSON,
        java.net.http.HttpRequest.BodyPublishers.noBody()), 403);
    assertOutcome(reader.patch("/fhir/" + patient, "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]"), 403);
    assertThat(patientsWith(value)).isZero();
  }

  @Test
  default void eachLetterIsNeeded() {
    String patient = storedPatient();

    assertOutcome(with("system/Patient.cud").get("/fhir/" + patient), 403);
    assertOutcome(with("system/Patient.crud").get("/fhir/Patient?gender=female"), 403);
    assertOutcome(with("system/Patient.cuds").get("/fhir/" + patient + "/_history"), 403);
    assertOutcome(with("system/Patient.rs").get("/fhir/Observation?subject=" + patient), 403);
    // History across types needs a wildcard scope.
    assertOutcome(with("system/Patient.rs").get("/fhir/_history"), 403);
    assertThat(with("system/*.rs").get("/fhir/" + patient + "/_history").statusCode()).isEqualTo(200);
  }

  @Test
  default void smartV1Scopes_mapToV2Letters() {
    String patient = storedPatient();

    assertThat(with("system/Patient.read").get("/fhir/" + patient).statusCode()).isEqualTo(200);
    assertOutcome(with("system/Patient.read").post("/fhir/Patient", FHIR_JSON, TestData.patientJson(TestData.uniqueValue())), 403);
    assertThat(with("system/Patient.write").post("/fhir/Patient", FHIR_JSON, TestData.patientJson(TestData.uniqueValue()))
        .statusCode()).isEqualTo(201);
    assertOutcome(with("system/Patient.write").get("/fhir/" + patient), 403);
    // Letters out of order are no scope at all.
    assertOutcome(with("system/Patient.sr").get("/fhir/" + patient), 403);
  }

  @Test
  default void transactionEntries_areCheckedOneByOne_andNothingIsStoredOnRefusal() {
    String value = TestData.uniqueValue();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:" + TestData.uniqueValue()).setResource(TestData.patient(value))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setResource(TestData.observationAbout(transaction.getEntryFirstRep().getFullUrl()))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    String body = FHIR.newJsonParser().encodeResourceToString(transaction);

    assertOutcome(with("system/Patient.cruds").post("/fhir", FHIR_JSON, body), 403);
    assertThat(patientsWith(value)).isZero();

    Bundle search = new Bundle().setType(Bundle.BundleType.BATCH);
    search.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Observation?subject=" + storedPatient());
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class,
        with("system/Patient.cruds").post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(search)).body());
    assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("403");
  }

  @Test
  default void operationsReachingAcrossPersons_needASystemWildcardScope() {
    assertOutcome(http().withToken(TestTokens.user("Practitioner/nobody", "user/*.cruds"))
        .get("/fhir/$get-resource-counts"), 403);
    assertThat(http().get("/fhir/$get-resource-counts").statusCode()).isEqualTo(200);
  }

  @Test
  default void limitedSystemClient_staysWithinItsTypesAndEntity() {
    FhirHttp exporter = http().withToken(
        TestTokens.token().clientId(TestAuthority.LIMITED_CLIENT).scope("system/*.cruds").mint());
    String patient = storedPatient();
    CareTeam flemishTeam = new CareTeam();
    flemishTeam.setSubject(new Reference(patient));
    flemishTeam.addExtension(IfpData.ENTITY, new Coding().setCode("VL"));

    assertOutcome(exporter.post("/fhir/Patient", FHIR_JSON, TestData.patientJson(TestData.uniqueValue())), 403);
    assertOutcome(exporter.get("/fhir/" + patient), 403);
    assertOutcome(exporter.post("/fhir/CareTeam", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(flemishTeam)), 403);
    assertThat(exporter.post("/fhir/Observation", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(TestData.observationAbout(patient))).statusCode()).isEqualTo(201);
  }
}
