package be.ifp.carecoord.server;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.FHIR_XML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import be.ifp.carecoord.support.TestData;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The FHIR REST interactions a client of this server relies on, over real HTTP. */
public interface RestInteractionsContract extends FhirServerAccess {

  @Test
  default void metadata_namesServerAndVersion() {
    CapabilityStatement capabilities =
        client().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(capabilities.getSoftware().getName()).isEqualTo("ifp-carecoord");
    assertThat(capabilities.getSoftware().getVersion()).isNotBlank();
    assertThat(capabilities.getName()).isEqualTo("IfpCarecoordServer");
    assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(capabilities.getRestFirstRep().getResource())
        .extracting(r -> r.getType())
        .contains("CarePlan", "CareTeam", "PractitionerRole", "EpisodeOfCare", "Consent");
  }

  @Test
  default void createReadUpdateVreadHistoryDelete_roundTrip() {
    Patient patient = TestData.patient(TestData.uniqueValue());
    IdType id = (IdType) client().create().resource(patient).execute().getId().toUnqualifiedVersionless();

    Patient read = client().read().resource(Patient.class).withId(id).execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Janssens");
    assertThat(read.getMeta().getVersionId()).isEqualTo("1");

    read.getNameFirstRep().setFamily("Peeters");
    MethodOutcome updated = client().update().resource(read).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

    Patient first = client().read().resource(Patient.class).withId(id.withVersion("1")).execute();
    assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Janssens");

    Bundle history = client().history().onInstance(id).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).hasSize(2);

    client().delete().resourceById(id).execute();
    assertThatThrownBy(() -> client().read().resource(Patient.class).withId(id).execute())
        .isInstanceOf(ResourceGoneException.class);
  }

  @Test
  default void search_pagesThroughAllMatches() {
    String family = "Paging" + TestData.uniqueValue().substring(0, 8);
    for (int i = 0; i < 7; i++) {
      Patient patient = TestData.patient(TestData.uniqueValue());
      patient.getNameFirstRep().setFamily(family);
      client().create().resource(patient).execute();
    }

    Bundle page =
        client().search().forResource(Patient.class)
            .where(Patient.FAMILY.matchesExactly().value(family))
            .count(3)
            .returnBundle(Bundle.class)
            .execute();
    List<String> ids = new ArrayList<>();
    int pages = 0;
    while (page != null) {
      pages++;
      page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
      page = page.getLink(Bundle.LINK_NEXT) == null ? null : client().loadPage().next(page).execute();
    }

    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  default void search_includesReferencedResources() {
    IdType patientId = (IdType) client().create().resource(TestData.patient(TestData.uniqueValue()))
        .execute().getId().toUnqualifiedVersionless();
    IdType observationId = (IdType) client().create()
        .resource(TestData.observationAbout(patientId.getValue()))
        .execute().getId().toUnqualifiedVersionless();

    Bundle result =
        client().search().forResource(Observation.class)
            .where(Observation.RES_ID.exactly().code(observationId.getIdPart()))
            .include(Observation.INCLUDE_SUBJECT)
            .returnBundle(Bundle.class)
            .execute();

    assertThat(result.getEntry())
        .extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .containsExactlyInAnyOrder(observationId.getValue(), patientId.getValue());
    assertThat(result.getEntry())
        .filteredOn(e -> e.getResource() instanceof Patient)
        .extracting(e -> e.getSearch().getMode())
        .containsExactly(Bundle.SearchEntryMode.INCLUDE);
  }

  @Test
  default void conditionalCreate_returnsTheExistingMatch() {
    String value = TestData.uniqueValue();
    String condition = "identifier=" + TestData.TEST_SYSTEM + "|" + value;

    MethodOutcome first = client().create().resource(TestData.patient(value)).conditionalByUrl("Patient?" + condition).execute();
    MethodOutcome second = client().create().resource(TestData.patient(value)).conditionalByUrl("Patient?" + condition).execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isEqualTo(1);
  }

  @Test
  default void conditionalUpdate_createsThenUpdatesTheMatch() {
    String value = TestData.uniqueValue();
    String url = "Patient?identifier=" + TestData.TEST_SYSTEM + "|" + value;

    MethodOutcome created = client().update().resource(TestData.patient(value)).conditionalByUrl(url).execute();
    Patient changed = TestData.patient(value);
    changed.getNameFirstRep().setFamily("Maes");
    MethodOutcome updated = client().update().resource(changed).conditionalByUrl(url).execute();

    assertThat(created.getCreated()).isTrue();
    assertThat(updated.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isEqualTo(1);
  }

  @Test
  default void jsonPatch_changesTheResource() {
    IdType id = (IdType) client().create().resource(TestData.patient(TestData.uniqueValue()))
        .execute().getId().toUnqualifiedVersionless();

    client().patch()
        .withBody("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]")
        .withId(id)
        .execute();

    Patient read = client().read().resource(Patient.class).withId(id).execute();
    assertThat(read.getGender().toCode()).isEqualTo("male");
    assertThat(read.getMeta().getVersionId()).isEqualTo("2");
  }

  @Test
  default void fhirPathPatch_changesTheResource() {
    IdType id = (IdType) client().create().resource(TestData.patient(TestData.uniqueValue()))
        .execute().getId().toUnqualifiedVersionless();
    Parameters patch = new Parameters();
    Parameters.ParametersParameterComponent operation = patch.addParameter().setName("operation");
    operation.addPart().setName("type").setValue(new org.hl7.fhir.r4.model.CodeType("replace"));
    operation.addPart().setName("path").setValue(new StringType("Patient.name.family"));
    operation.addPart().setName("value").setValue(new StringType("Claes"));

    client().patch().withFhirPatch(patch).withId(id).execute();

    Patient read = client().read().resource(Patient.class).withId(id).execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Claes");
  }

  @Test
  default void transaction_resolvesReferencesBetweenEntries() {
    String value = TestData.uniqueValue();
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:" + value).setResource(TestData.patient(value))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setResource(TestData.observationAbout("urn:uuid:" + value))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");

    Bundle response = client().transaction().withBundle(transaction).execute();

    assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
        .allMatch(status -> status.startsWith("201"));
    String patientId = new IdType(response.getEntry().get(0).getResponse().getLocation())
        .toUnqualifiedVersionless().getValue();
    Observation observation = client().read().resource(Observation.class)
        .withUrl(response.getEntry().get(1).getResponse().getLocation()).execute();
    assertThat(observation.getSubject().getReference()).isEqualTo(patientId);
  }

  @Test
  default void batch_processesEntriesIndependently() {
    String value = TestData.uniqueValue();
    Bundle batch = new Bundle().setType(BundleType.BATCH);
    batch.addEntry().setResource(TestData.patient(value))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
    batch.addEntry().setResource(TestData.observationAbout("Patient/does-not-exist"))
        .getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");

    Bundle response = client().transaction().withBundle(batch).execute();

    assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
    assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("4");
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isEqualTo(1);
  }

  @Test
  default void validate_reportsErrorsAndStoresNothing() {
    int before = StoredResources.count(this, "Patient");
    // Breaks invariant pat-1: a contact needs details or an organization.
    String invalid = "{\"resourceType\":\"Patient\",\"contact\":[{\"gender\":\"male\"}]}";

    HttpResponse<String> bad = http().post("/fhir/Patient/$validate", FHIR_JSON, invalid);
    HttpResponse<String> good =
        http().post("/fhir/Patient/$validate", FHIR_JSON, TestData.patientJson(TestData.uniqueValue()));

    // $validate answers 200 with the findings; errors are in the OperationOutcome.
    OperationOutcome badOutcome = FhirHttp.assertOutcome(bad, 200);
    assertThat(badOutcome.getIssue()).anySatisfy(issue ->
        assertThat(issue.getDiagnostics()).contains("pat-1"));
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(StoredResources.count(this, "Patient")).isEqualTo(before);
  }

  @Test
  default void formats_jsonAndXmlInAndOut() {
    String value = TestData.uniqueValue();
    String xml = FHIR.newXmlParser().encodeResourceToString(TestData.patient(value));
    HttpResponse<String> created = http().post("/fhir/Patient", FHIR_XML, xml);
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String path = "/fhir/" + new IdType(location).toUnqualifiedVersionless().getValue();

    HttpResponse<String> asXml = http().get(path + "?_format=xml");
    HttpResponse<String> asJson = http().get(path + "?_format=json");
    HttpResponse<String> byAccept = http().get(path, "Accept", FHIR_XML);

    assertThat(asXml.headers().firstValue("Content-Type").orElse("")).contains("xml");
    assertThat(asXml.body()).startsWith("<Patient").contains(value);
    assertThat(asJson.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(asJson.body()).contains("\"resourceType\":\"Patient\"").contains(value);
    assertThat(byAccept.body()).startsWith("<Patient");
  }

  @Test
  default void ifMatch_staleVersionGets412AndCurrentVersionSucceeds() {
    String value = TestData.uniqueValue();
    HttpResponse<String> created = http().post("/fhir/Patient", FHIR_JSON, TestData.patientJson(value));
    assertThat(created.headers().firstValue("ETag")).hasValue("W/\"1\"");
    String id = new IdType(created.headers().firstValue("Location").orElseThrow()).getIdPart();
    Patient patient = TestData.patient(value);
    patient.setId(id);
    // A changed body: an identical one would be a no-op update that keeps version 1.
    patient.getNameFirstRep().setFamily("Wouters");
    String body = FHIR.newJsonParser().encodeResourceToString(patient);

    HttpResponse<String> fresh = http().put("/fhir/Patient/" + id, FHIR_JSON, body, "If-Match", "W/\"1\"");
    HttpResponse<String> stale = http().put("/fhir/Patient/" + id, FHIR_JSON, body, "If-Match", "W/\"1\"");
    HttpResponse<String> stalePatch = http().patch("/fhir/Patient/" + id, "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]", "If-Match", "W/\"1\"");

    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(fresh.headers().firstValue("ETag")).hasValue("W/\"2\"");
    FhirHttp.assertOutcome(stale, 412);
    FhirHttp.assertOutcome(stalePatch, 412);
    Patient stored = client().read().resource(Patient.class).withId(id).execute();
    assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
  }
}
