package be.ifp.carecoord.profiles;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import be.ifp.carecoord.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The IFP profiles are enforced on every write path, served, and downloadable. */
public interface ConformanceContract extends FhirServerAccess {

  String PROFILE = "https://ifp-carecoord.github.io/fhir/StructureDefinition/";

  /** Stores every valid example (PUT: repeatable); each must be accepted. */
  default void loadValidExamples() {
    ConformanceExamples.loadValid(this);
  }

  @Test
  default void validExamples_areAllAccepted() {
    loadValidExamples();
  }

  @TestFactory
  default Stream<DynamicTest> invalidExamples_areRefusedAtTheBrokenElement() {
    loadValidExamples();
    return ConformanceExamples.profileViolations().entrySet().stream().map(example ->
        DynamicTest.dynamicTest(example.getKey().getFileName().toString(), () -> {
          Resource resource = (Resource) FHIR.newJsonParser()
              .parseResource(ConformanceExamples.read(example.getKey()));
          resource.setId((String) null);
          int before = StoredResources.count(this, resource.fhirType());

          HttpResponse<String> response = http().post("/fhir/" + resource.fhirType(), FHIR_JSON,
              FHIR.newJsonParser().encodeResourceToString(resource));

          OperationOutcome outcome = FhirHttp.assertOutcome(response, 422);
          String element = lastSegment(normalized(example.getValue()));
          assertThat(outcome.getIssue())
              .filteredOn(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
              .as("an error pointing at %s", example.getValue())
              .anySatisfy(issue -> assertThat(normalized(
                      String.join(" ", issue.getExpression().stream().map(e -> e.getValue()).toList())
                      + " " + issue.getDiagnostics()))
                  .containsIgnoringCase(element));
          assertThat(StoredResources.count(this, resource.fhirType())).isEqualTo(before);
        }));
  }

  /** A FHIRPath without indexes, slice names and type casts, to compare element paths. */
  private static String normalized(String path) {
    return path.replaceAll("\\.ofType\\([A-Za-z]+\\)", "").replaceAll(":[A-Za-z-]+", "")
        .replaceAll("\\[\\d+]", "");
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @Test
  default void profileIsEnforcedWithoutMetaProfile() {
    Patient patient = TestData.patient(TestData.uniqueValue());
    patient.setBirthDate(null);

    OperationOutcome outcome = FhirHttp.assertOutcome(
        http().post("/fhir/Patient", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(patient)), 422);

    assertThat(outcome.getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics()).contains("birthDate"));
  }

  @Test
  default void patchBreakingTheProfile_isRefusedAndLeavesTheResource() {
    String id = client().create().resource(TestData.patient(TestData.uniqueValue())).execute()
        .getId().getIdPart();

    HttpResponse<String> response = http().patch("/fhir/Patient/" + id, "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/birthDate\"}]");

    FhirHttp.assertOutcome(response, 422);
    Patient stored = client().read().resource(Patient.class).withId(id).execute();
    assertThat(stored.hasBirthDate()).isTrue();
    assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
  }

  @Test
  default void transactionWithANonConformingEntry_isRefusedWhole() {
    String value = TestData.uniqueValue();
    Patient broken = TestData.patient(TestData.uniqueValue());
    broken.setName(null);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(TestData.patient(value))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    transaction.addEntry().setResource(broken)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

    HttpResponse<String> response = http().post("/fhir", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(transaction));

    FhirHttp.assertOutcome(response, 422);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
  }

  @Test
  default void validateOperation_checksTheRequestedProfile() {
    String noBirthDate = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:x\",\"value\":\"1\"}],"
        + "\"name\":[{\"family\":\"Peeters\"}]}";

    HttpResponse<String> response = http().post(
        "/fhir/Patient/$validate?profile=" + PROFILE + "ifp-patient", FHIR_JSON, noBirthDate);

    assertThat(response.body()).contains("birthDate");
    OperationOutcome outcome = FhirHttp.assertOutcome(response, 200);
    assertThat(outcome.getIssue()).anySatisfy(i ->
        assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR));
  }

  @Test
  default void validateOperation_withoutProfile_checksTheProfileAWriteWouldUse() {
    String noBirthDate = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:x\",\"value\":\"1\"}],"
        + "\"name\":[{\"family\":\"Peeters\"}]}";
    String valid = TestData.patientJson(TestData.uniqueValue());

    HttpResponse<String> invalidResponse = http().post("/fhir/Patient/$validate", FHIR_JSON, noBirthDate);
    HttpResponse<String> validResponse = http().post("/fhir/Patient/$validate", FHIR_JSON, valid);

    OperationOutcome outcome = FhirHttp.assertOutcome(invalidResponse, 200);
    assertThat(outcome.getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics()).contains("birthDate"));
    OperationOutcome clean = FHIR.newJsonParser().parseResource(OperationOutcome.class, validResponse.body());
    assertThat(clean.getIssue()).noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
  }

  @Test
  default void validateOperation_answersInTheRequestedLanguage() {
    for (Language language : List.of(Language.NL, Language.DE)) {
      for (String query : List.of("", "?profile=" + PROFILE + "ifp-patient")) {
        HttpResponse<String> response = http().post("/fhir/Patient/$validate" + query, FHIR_JSON,
            patientWithoutBirthDate(), "Accept-Language", language.tag() + "-BE, en;q=0.5");

        assertValidatorWording(FhirHttp.assertOutcome(response, 200), language);
      }
    }
  }

  @Test
  default void refusedWrite_answersInTheRequestedLanguage() {
    HttpResponse<String> response = http().post("/fhir/Patient", FHIR_JSON, patientWithoutBirthDate(),
        "Accept-Language", "de");

    assertValidatorWording(FhirHttp.assertOutcome(response, 422), Language.DE);
  }

  @Test
  default void unsupportedLanguage_getsEnglish() {
    HttpResponse<String> validated = http().post("/fhir/Patient/$validate", FHIR_JSON,
        patientWithoutBirthDate(), "Accept-Language", "es");
    HttpResponse<String> written = http().post("/fhir/Patient", FHIR_JSON, patientWithoutBirthDate(),
        "Accept-Language", "es");

    assertValidatorWording(FhirHttp.assertOutcome(validated, 200), Language.EN);
    assertValidatorWording(FhirHttp.assertOutcome(written, 422), Language.EN);
  }

  /** An invalid example that breaks a minimum cardinality of ifp-patient, without its id. */
  private static String patientWithoutBirthDate() {
    Resource patient = (Resource) FHIR.newJsonParser().parseResource(
        ConformanceExamples.read(ConformanceExamples.INVALID.resolve("Patient-no-birth-date.json")));
    patient.setId((String) null);
    return FHIR.newJsonParser().encodeResourceToString(patient);
  }

  /** The cardinality error is worded as the HL7 bundle of the language words it, not in English. */
  private static void assertValidatorWording(OperationOutcome outcome, Language language) {
    String id = Hl7Messages.MINIMUM_CARDINALITY;
    String message = Hl7Messages.messageIn(outcome, id).orElseThrow(() -> new AssertionError(
        "no " + id + " in " + FHIR.newJsonParser().encodeResourceToString(outcome)));
    assertThat(Hl7Messages.of(language).words(id, message)).as("%s in %s", message, language).isTrue();
    if (language != Language.EN) {
      assertThat(Hl7Messages.of(Language.EN).words(id, message)).as("%s in English", message).isFalse();
    }
  }

  @Test
  default void conformanceResources_areSearchableByUrl() {
    Bundle result = client().search().byUrl("StructureDefinition?url=" + PROFILE + "ifp-care-team")
        .returnBundle(Bundle.class).execute();

    assertThat(result.getEntry()).hasSize(1);
    StructureDefinition careTeam = (StructureDefinition) result.getEntryFirstRep().getResource();
    assertThat(careTeam.getSnapshot().getElement()).isNotEmpty();
  }

  @Test
  default void capabilityStatement_listsSupportedProfiles() {
    CapabilityStatement capabilities = client().capabilities().ofType(CapabilityStatement.class).execute();

    Map<String, List<String>> byType = new HashMap<>();
    capabilities.getRestFirstRep().getResource().forEach(r ->
        byType.put(r.getType(), r.getSupportedProfile().stream().map(p -> p.getValue()).toList()));
    assertThat(byType.get("CareTeam")).containsExactly(PROFILE + "ifp-care-team");
    assertThat(byType.get("PractitionerRole")).contains(
        PROFILE + "ifp-practitioner-role", PROFILE + "ifp-coordinator-role", PROFILE + "ifp-case-manager-role");
  }

  @Test
  default void packageDownload_isAnNpmPackageOfTheProfiles() throws IOException {
    HttpResponse<byte[]> response = http().sendBytes(http().request("/ig/package.tgz").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, String> files = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(new ByteArrayInputStream(response.body())))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(files.get("package/package.json")).contains("\"name\" : \"be.ifp.carecoord\"");
    assertThat(files.get("package/.index.json")).contains("StructureDefinition-ifp-care-plan.json");
    assertThat(files).containsKey("package/StructureDefinition-ifp-coordinator-role.json")
        .containsKey("package/example/Patient-maria.json");
  }
}
