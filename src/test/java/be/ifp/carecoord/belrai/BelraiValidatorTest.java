package be.ifp.carecoord.belrai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.ifp.carecoord.belrai.Problem.Kind;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of an import request, against the package's BelRAI code systems read from {@code profiles/}. */
class BelraiValidatorTest {

  static final BelraiCodes CODES = new BelraiCodes(Stream.of("belrai-instrument", "belrai-scale")
      .map(BelraiValidatorTest::codeSystem).toList());

  private final BelraiValidator validator = new BelraiValidator(CODES);

  /** A valid request for Maria, assessed by her GP, with the given scales. */
  static BelraiAssessmentInput input(Map<String, Integer> scales) {
    return new BelraiAssessmentInput("HC-2026-000123", "41031208450", "HC", "2026-08-25T14:00:00+02:00",
        "14321851003", scales, List.of("falls"));
  }

  @Test
  void validInput_hasNoProblems() {
    assertThat(validator.problems(input(Map.of("cps", 2, "maple", 5, "adl-hierarchy", 0)))).isEmpty();
  }

  @Test
  void scoreOutsideTheScaleRange_isNamedWithItsRange() {
    List<Problem> problems = validator.problems(input(Map.of("cps", 7, "maple", 0)));

    assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("scales.cps", "scales.maple");
    assertThat(problems).extracting(Problem::kind).containsOnly(Kind.OUT_OF_RANGE);
    assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("0..6"));
  }

  @Test
  void unknownScaleAndInstrument_areUnknownCodes() {
    BelraiAssessmentInput input = new BelraiAssessmentInput("a", "41031208450", "XX", "2026-08-25", "1",
        Map.of("CPS", 2), List.of());

    assertThat(validator.problems(input)).extracting(Problem::field, Problem::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("instrument", Kind.UNKNOWN_CODE),
            org.assertj.core.groups.Tuple.tuple("scales.CPS", Kind.UNKNOWN_CODE));
  }

  @Test
  void missingFields_areEachNamed() {
    Map<String, Integer> nullScore = new LinkedHashMap<>();
    nullScore.put("cps", null);
    BelraiAssessmentInput input = new BelraiAssessmentInput(null, " ", null, null, "", nullScore,
        java.util.Arrays.asList("falls", null));

    assertThat(validator.problems(input)).extracting(Problem::field).containsExactlyInAnyOrder(
        "assessmentId", "ssin", "instrument", "assessmentDate", "assessorNihdi", "scales.cps",
        "triggeredCaps[1]");
    assertThat(validator.problems(input)).extracting(Problem::kind).containsOnly(Kind.MISSING);
  }

  @Test
  void noScales_isRefused() {
    assertThat(validator.problems(input(Map.of()))).extracting(Problem::field).containsExactly("scales");
    assertThat(validator.problems(input(null))).extracting(Problem::field).containsExactly("scales");
  }

  @Test
  void triggeredCaps_mayBeLeftOut() {
    BelraiAssessmentInput input = new BelraiAssessmentInput("a", "41031208450", "HC", "2026-08-25", "1",
        Map.of("cps", 2), null);

    assertThat(input.triggeredCaps()).isEmpty();
    assertThat(validator.problems(input)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-08-25", "2026-08-25T14:00:00+02:00", "2026-08-25T12:00:00Z",
      "2026-08-25T14:00:00.250+02:00"})
  void datesAndDateTimes_areAccepted(String date) {
    assertThat(BelraiValidator.effective(date)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"25/08/2026", "2026-02-30", "2026-08-25T14:00", "2026-08-25T14:00+02:00",
      "2026-08-25T14:00:00", "yesterday"})
  void malformedDates_areRefused(String date) {
    BelraiAssessmentInput input = new BelraiAssessmentInput("a", "41031208450", "HC", date, "1",
        Map.of("cps", 2), List.of());

    assertThat(validator.problems(input)).extracting(Problem::field, Problem::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("assessmentDate", Kind.MALFORMED));
  }

  @Test
  void parse_readsTheDocumentedJson() {
    BelraiAssessmentInput input = BelraiAssessmentInput.parse(bytes("""
        {"assessmentId": "HC-1", "ssin": "41031208450", "instrument": "HC",
         "assessmentDate": "2026-08-25", "assessorNihdi": "14321851003",
         "scales": {"cps": 2, "drs": 4}, "triggeredCaps": ["falls"]}"""));

    assertThat(input.scales()).containsExactly(Map.entry("cps", 2), Map.entry("drs", 4));
    assertThat(input.triggeredCaps()).containsExactly("falls");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"scales\": {\"cps\": \"two\"}}  | scales.cps",
      "{\"scales\": {\"cps\": 2.5}}      | scales.cps",
      "{\"scales\": [2]}                 | scales",
      "{\"triggeredCaps\": [{}]}         | triggeredCaps[0]",
      "{\"ssn\": \"41031208450\"}        | ssn",
      "{\"ssin\": \"1\"                  | $",
      "not json                          | $",
      "[]                                | $",
      "null                              | $",
      "{} {}                             | $"})
  void malformedJson_isRefusedWith400AtTheField(String body, String field) {
    assertThatThrownBy(() -> BelraiAssessmentInput.parse(bytes(body)))
        .isInstanceOfSatisfying(ImportRefused.class, refused -> {
          assertThat(refused.getStatusCode()).isEqualTo(Constants.STATUS_HTTP_400_BAD_REQUEST);
          assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getExpression())
              .extracting(Object::toString).containsExactly(field);
        });
  }

  @Test
  void refusal_is400WhenAnythingIsMalformed_else422() {
    Problem missing = new Problem("ssin", Kind.MISSING, "m");
    Problem range = new Problem("scales.cps", Kind.OUT_OF_RANGE, "r");

    assertThat(new ImportRefused(List.of(range)).getStatusCode()).isEqualTo(422);
    assertThat(new ImportRefused(List.of(range, missing)).getStatusCode()).isEqualTo(400);
    assertThat(((OperationOutcome) new ImportRefused(List.of(range, missing)).getOperationOutcome()).getIssue())
        .hasSize(2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Resource codeSystem(String id) {
    try {
      return (Resource) FhirContext.forR4Cached().newJsonParser()
          .parseResource(Files.readString(Path.of("profiles", "CodeSystem-" + id + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
