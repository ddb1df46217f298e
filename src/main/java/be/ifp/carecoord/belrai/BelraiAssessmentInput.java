package be.ifp.carecoord.belrai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code $import-belrai}: one exported BelRAI assessment, as an exporter sends it (not a
 * FHIR resource). Every field is required except {@code triggeredCaps}; the names are the field
 * names of the JSON.
 *
 * <pre>{@code
 * {
 *   "assessmentId": "HC-2026-000123",
 *   "ssin": "41031208450",
 *   "instrument": "HC",
 *   "assessmentDate": "2026-08-25T14:00:00+02:00",
 *   "assessorNihdi": "14321851003",
 *   "scales": { "adl-hierarchy": 3, "cps": 2 },
 *   "triggeredCaps": [ "falls", "pain" ]
 * }
 * }</pre>
 *
 * @param assessmentId the exporter's own id of the assessment; importing it again changes nothing
 * @param ssin the person's Belgian social security number (INSZ/NISS)
 * @param instrument a code of the CodeSystem {@code belrai-instrument} ({@code HC}, {@code LTCF}, …)
 * @param assessmentDate when the assessment was done: a date ({@code 2026-08-25}) or a date-time with
 *     seconds and a time zone
 * @param assessorNihdi the NIHDI (RIZIV/INAMI) number of the professional who did it
 * @param scales score per scale, by the codes of the CodeSystem {@code belrai-scale}
 * @param triggeredCaps the Clinical Assessment Protocols the assessment triggered, as the exporter
 *     codes them
 */
record BelraiAssessmentInput(
    String assessmentId,
    String ssin,
    String instrument,
    String assessmentDate,
    String assessorNihdi,
    Map<String, Integer> scales,
    List<String> triggeredCaps) {

  /** Strict: no unknown fields, no numbers as strings, no fractions as scores. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  BelraiAssessmentInput {
    triggeredCaps = triggeredCaps == null ? List.of() : triggeredCaps;
  }

  /** Reads the body; refuses it with 400, naming where it broke, when it is not this JSON. */
  static BelraiAssessmentInput parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw refused(Problem.WHOLE_BODY, Problem.Kind.MISSING, "the request has no body; send the assessment as JSON");
    }
    BelraiAssessmentInput input;
    try {
      input = JSON.readValue(body, BelraiAssessmentInput.class);
    } catch (JsonMappingException e) {
      throw refused(path(e.getPath()), Problem.Kind.MALFORMED, e.getOriginalMessage());
    } catch (JacksonException e) {
      throw refused(Problem.WHOLE_BODY, Problem.Kind.MALFORMED, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw refused(Problem.WHOLE_BODY, Problem.Kind.MALFORMED, "unreadable body: " + e.getMessage());
    }
    if (input == null) {
      throw refused(Problem.WHOLE_BODY, Problem.Kind.MALFORMED, "the body is not a JSON object");
    }
    return input;
  }

  private static ImportRefused refused(String field, Problem.Kind kind, String message) {
    return new ImportRefused(List.of(new Problem(field, kind, message)));
  }

  /** {@code scales.cps}, {@code triggeredCaps[1]}: the JSON path Jackson was at. */
  private static String path(List<JsonMappingException.Reference> references) {
    String path = null;
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path = path == null ? reference.getFieldName() : Problem.child(path, reference.getFieldName());
      } else if (path != null && reference.getIndex() >= 0) {
        path = Problem.element(path, reference.getIndex());
      }
    }
    return path == null ? Problem.WHOLE_BODY : path;
  }
}
