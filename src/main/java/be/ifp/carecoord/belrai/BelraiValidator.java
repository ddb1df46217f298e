package be.ifp.carecoord.belrai;

import be.ifp.carecoord.belrai.BelraiCodes.Concept;
import be.ifp.carecoord.belrai.Problem.Kind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.springframework.stereotype.Component;

/**
 * Checks an import request field by field, before anything is looked up or written: every
 * required field is there, the instrument and scale codes are in the IFP package, each score lies
 * within its scale's range, the date is a date or a date-time with seconds and a time zone.
 * Reports every problem at once, each naming its field.
 */
@Component
class BelraiValidator {

  static final String ASSESSMENT_ID = "assessmentId";
  static final String SSIN = "ssin";
  static final String INSTRUMENT = "instrument";
  static final String ASSESSMENT_DATE = "assessmentDate";
  static final String ASSESSOR_NIHDI = "assessorNihdi";
  static final String SCALES = "scales";
  static final String TRIGGERED_CAPS = "triggeredCaps";

  /** A date-time as FHIR writes it: seconds (fractions allowed) and a time zone are required. */
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]XXX");

  private final BelraiCodes codes;

  BelraiValidator(BelraiCodes codes) {
    this.codes = codes;
  }

  List<Problem> problems(BelraiAssessmentInput input) {
    List<Problem> problems = new ArrayList<>();
    required(problems, ASSESSMENT_ID, input.assessmentId());
    required(problems, SSIN, input.ssin());
    required(problems, ASSESSOR_NIHDI, input.assessorNihdi());
    if (required(problems, INSTRUMENT, input.instrument()) && codes.instrument(input.instrument()).isEmpty()) {
      problems.add(new Problem(INSTRUMENT, Kind.UNKNOWN_CODE,
          "'" + input.instrument() + "' is not a code of the CodeSystem belrai-instrument"));
    }
    if (required(problems, ASSESSMENT_DATE, input.assessmentDate())
        && effective(input.assessmentDate()).isEmpty()) {
      problems.add(new Problem(ASSESSMENT_DATE, Kind.MALFORMED, "'" + input.assessmentDate()
          + "' is neither a date (2026-08-25) nor a date-time with seconds and time zone"
          + " (2026-08-25T14:00:00+02:00)"));
    }
    scaleProblems(problems, input.scales());
    for (int i = 0; i < input.triggeredCaps().size(); i++) {
      required(problems, Problem.element(TRIGGERED_CAPS, i), input.triggeredCaps().get(i));
    }
    return problems;
  }

  /** The assessment date as a FHIR dateTime, when it is one. */
  static Optional<DateTimeType> effective(String assessmentDate) {
    try {
      return Optional.of(new DateTimeType(LocalDate.parse(assessmentDate).toString()));
    } catch (DateTimeParseException notADate) {
      try {
        OffsetDateTime.parse(assessmentDate, DATE_TIME);
        return Optional.of(new DateTimeType(assessmentDate));
      } catch (DateTimeParseException | IllegalArgumentException notADateTime) {
        return Optional.empty();
      }
    }
  }

  private void scaleProblems(List<Problem> problems, Map<String, Integer> scales) {
    if (scales == null) {
      required(problems, SCALES, null);
      return;
    }
    if (scales.isEmpty()) {
      problems.add(new Problem(SCALES, Kind.MISSING,
          "an assessment needs at least one scale (the panel's hasMember is 1..*)"));
    }
    scales.forEach((code, score) -> {
      String field = Problem.child(SCALES, code);
      Optional<Concept> scale = codes.scale(code);
      if (scale.isEmpty()) {
        problems.add(new Problem(field, Kind.UNKNOWN_CODE,
            "'" + code + "' is not a code of the CodeSystem belrai-scale"));
      } else if (score == null) {
        problems.add(new Problem(field, Kind.MISSING, "the score is missing"));
      } else if (!scale.get().inRange(score)) {
        problems.add(new Problem(field, Kind.OUT_OF_RANGE, "score " + score + " is outside the range "
            + scale.get().min() + ".." + scale.get().max() + " of the " + scale.get().display()));
      }
    });
  }

  /** Whether the field has a non-blank value; adds the problem when not. */
  private static boolean required(List<Problem> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(field, Kind.MISSING, "required, and missing or empty"));
      return false;
    }
    return true;
  }
}
