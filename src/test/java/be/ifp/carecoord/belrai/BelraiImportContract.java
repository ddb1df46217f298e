package be.ifp.carecoord.belrai;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code POST /fhir/Observation/$import-belrai} through real HTTP, as a BelRAI exporter uses it:
 * Maria's valid file first, then her GP's assessments imported, imported again, and refused when
 * broken. Each test imports under its own assessment id.
 */
public interface BelraiImportContract extends FhirServerAccess {

  String IMPORT = "/fhir/Observation/$import-belrai";
  String JSON = "application/json";
  String MARIA = "Patient/maria";
  String MARIA_SSIN = "41031208450";
  String GP = "Practitioner/general-practitioner";
  String GP_NIHDI = "14321851003";

  /** Maria's Home Care assessment by her GP, under a fresh assessment id, with these scales and fields. */
  static String assessment(String assessmentId, String scales, String... replaced) {
    String json = """
        {
          "assessmentId": "%s",
          "ssin": "%s",
          "instrument": "HC",
          "assessmentDate": "2026-10-05T10:30:00+02:00",
          "assessorNihdi": "%s",
          "scales": %s,
          "triggeredCaps": ["falls", "pain"]
        }""".formatted(assessmentId, MARIA_SSIN, GP_NIHDI, scales);
    for (int i = 0; i + 1 < replaced.length; i += 2) {
      json = json.replace(replaced[i], replaced[i + 1]);
    }
    return json;
  }

  static String newAssessmentId() {
    return "HC-" + UUID.randomUUID();
  }

  @Test
  default void importedAssessment_isStoredAsPanelAndScales_linkedToThePersonAndAssessor() {
    ConformanceExamples.loadValid(this);
    String id = newAssessmentId();

    HttpResponse<String> response =
        http().post(IMPORT, JSON, assessment(id, "{\"adl-hierarchy\": 3, \"cps\": 2, \"maple\": 4}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(answer.getEntry()).hasSize(4)
        .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));

    List<Observation> panels = search("Observation?subject=" + MARIA + "&code="
        + Canonicals.BELRAI_INSTRUMENT + "|HC&identifier=" + BelraiMapper.ASSESSMENT_ID_SYSTEM + "|" + id);
    assertThat(panels).hasSize(1);
    Observation panel = panels.get(0);
    assertThat(panel.getMeta().getProfile()).extracting(p -> p.getValue())
        .containsExactly(BelraiMapper.ASSESSMENT_PROFILE);
    assertThat(panel.getPerformerFirstRep().getReference()).isEqualTo(GP);
    assertThat(panel.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-10-05T10:30:00+02:00");
    assertThat(panel.getComponent()).extracting(c -> c.getValueCodeableConcept().getText())
        .containsExactly("falls", "pain");

    List<Observation> cps = search("Observation?subject=" + MARIA + "&code=" + Canonicals.BELRAI_SCALE
        + "|cps&identifier=" + BelraiMapper.SCALE_ID_SYSTEM + "|" + id + "/cps");
    assertThat(cps).hasSize(1);
    assertThat(cps.get(0).getValueIntegerType().getValue()).isEqualTo(2);
    assertThat(cps.get(0).getMeta().getProfile()).extracting(p -> p.getValue())
        .containsExactly(BelraiMapper.SCALE_PROFILE);
    assertThat(panel.getHasMember()).extracting(Reference::getReference).hasSize(3)
        .contains(cps.get(0).getIdElement().toUnqualifiedVersionless().getValue());
    for (Reference member : panel.getHasMember()) {
      Observation scale = FHIR.newJsonParser().parseResource(Observation.class,
          http().get("/fhir/" + member.getReference()).body());
      assertThat(scale.getSubject().getReference()).isEqualTo(MARIA);
      assertThat(scale.getPerformerFirstRep().getReference()).isEqualTo(GP);
    }
  }

  @Test
  default void importingTheSameAssessmentTwice_createsNoDuplicates() {
    ConformanceExamples.loadValid(this);
    String body = assessment(newAssessmentId(), "{\"cps\": 2, \"drs\": 4}");
    int before = StoredResources.count(this, "Observation");

    HttpResponse<String> first = http().post(IMPORT, JSON, body);
    int afterFirst = StoredResources.count(this, "Observation");
    HttpResponse<String> second = http().post(IMPORT, JSON, body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(afterFirst).isEqualTo(before + 3);
    assertThat(StoredResources.count(this, "Observation")).as("after the second import").isEqualTo(afterFirst);
    assertThat(locations(second)).isEqualTo(locations(first));
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, second.body()).getEntry())
        .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));
  }

  @TestFactory
  default Stream<DynamicTest> brokenInput_isRefusedNamingTheField_andStoresNothing() {
    ConformanceExamples.loadValid(this);
    String id = newAssessmentId();
    String scales = "{\"cps\": 2}";
    Map<String, Refusal> cases = Map.of(
        "unknown person", new Refusal(assessment(id, scales, MARIA_SSIN, "00010100146"), 422, "ssin"),
        "unknown assessor", new Refusal(assessment(id, scales, GP_NIHDI, "19999999999"), 422, "assessorNihdi"),
        "unknown instrument", new Refusal(assessment(id, scales, "\"HC\"", "\"XX\""), 422, "instrument"),
        "unknown scale", new Refusal(assessment(id, "{\"CPS\": 2}"), 422, "scales.CPS"),
        "score out of range", new Refusal(assessment(id, "{\"cps\": 2, \"maple\": 9}"), 422, "scales.maple"),
        "malformed date", new Refusal(assessment(id, scales, "2026-10-05T10:30:00+02:00", "05/10/2026"), 400,
            "assessmentDate"),
        "missing field", new Refusal(assessment(id, scales, "\"assessorNihdi\": \"" + GP_NIHDI + "\",", ""), 400,
            "assessorNihdi"),
        "score not a number", new Refusal(assessment(id, "{\"cps\": \"two\"}"), 400, "scales.cps"),
        "not JSON", new Refusal("assessment HC of 41031208450", 400, "$"),
        "JSON cut off in a field", new Refusal(assessment(id, scales).substring(0, 25), 400, "assessmentId"));
    return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
      int before = StoredResources.count(this, "Observation");

      HttpResponse<String> response = http().post(IMPORT, JSON, c.getValue().body());

      OperationOutcome outcome = FhirHttp.assertOutcome(response, c.getValue().status());
      assertThat(outcome.getIssue()).anySatisfy(issue -> {
        assertThat(issue.getExpression()).extracting(Object::toString).contains(c.getValue().field());
        assertThat(issue.getDiagnostics()).startsWith(c.getValue().field() + ": ");
      });
      assertThat(StoredResources.count(this, "Observation")).as("nothing stored").isEqualTo(before);
    }));
  }

  /** A broken request and how it must be refused. */
  record Refusal(String body, int status, String field) {}

  private List<String> locations(HttpResponse<String> response) {
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(BundleEntryComponent::getResponse)
        .map(r -> r.getLocation().replaceAll("/_history/.*", ""))
        .toList();
  }

  private List<Observation> search(String query) {
    String encoded = query.replace("|", URLEncoder.encode("|", StandardCharsets.UTF_8));
    HttpResponse<String> response = http().get("/fhir/" + encoded, "Cache-Control", "no-cache");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(entry -> (Observation) entry.getResource())
        .toList();
  }
}
