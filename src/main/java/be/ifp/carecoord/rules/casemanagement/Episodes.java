package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.rules.References;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the case-management rules read out of an episode and its references, said once: the
 * FHIRPaths they report at, the period without creating an empty one, and the type of resource a
 * reference points to.
 */
final class Episodes {

  static final String TYPE = "EpisodeOfCare";
  static final String PATH = TYPE;
  static final String PERIOD = TYPE + ".period";
  static final String PERIOD_START = PERIOD + ".start";
  static final String PERIOD_END = PERIOD + ".end";
  static final String EXTENSION = TYPE + ".extension";
  static final String CARE_MANAGER = TYPE + ".careManager";
  static final String MANAGING_ORGANIZATION = TYPE + ".managingOrganization";

  private Episodes() {}

  /** The episode's period, or null when it has none (the getter would create an empty one). */
  static Period period(EpisodeOfCare episode) {
    return episode.hasPeriod() ? episode.getPeriod() : null;
  }

  /** The period's start, if given. */
  static Optional<BaseDateTimeType> start(EpisodeOfCare episode) {
    Period period = period(episode);
    return period != null && period.hasStart()
        ? Optional.of(period.getStartElement()) : Optional.empty();
  }

  /** The person the episode is about ({@code Patient/id}), or null. */
  static String patient(EpisodeOfCare episode) {
    return episode.hasPatient() ? References.of(episode.getPatient()) : null;
  }

  /**
   * The path of the first extension with this URL ({@code EpisodeOfCare.extension[3]}), or of the
   * extensions as a whole when there is none.
   */
  static String extensionPath(EpisodeOfCare episode, String url) {
    List<Extension> extensions = episode.getExtension();
    for (int i = 0; i < extensions.size(); i++) {
      if (url.equals(extensions.get(i).getUrl())) {
        return EXTENSION + "[" + i + "]";
      }
    }
    return EXTENSION;
  }

  /**
   * The resource type a reference points to: from the reference itself ({@code Type/id}), else
   * from the resource it resolves to in the record (a transaction's {@code urn:uuid:}), else from
   * {@code Reference.type}; empty when none of these tells.
   */
  static Optional<String> typeOf(Reference reference, CareRecord record) {
    String value = References.of(reference);
    if (value != null) {
      if (!value.startsWith("urn:") && !value.startsWith("#") && value.indexOf('/') > 0) {
        return Optional.of(value.substring(0, value.indexOf('/')));
      }
      Optional<Resource> resolved = record.read(value);
      if (resolved.isPresent()) {
        return Optional.of(resolved.get().fhirType());
      }
    }
    if (reference != null && reference.hasType()) {
      String type = reference.getType();
      return Optional.of(type.substring(type.lastIndexOf('/') + 1));
    }
    return Optional.empty();
  }

  /** The calendar day of a date or date-time, as written (in its own time zone). */
  static LocalDate day(BaseDateTimeType value) {
    return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
  }

  /** The value as written, for messages ({@code 2026-09-01}). */
  static String text(BaseDateTimeType value) {
    return value.getValueAsString();
  }
}
