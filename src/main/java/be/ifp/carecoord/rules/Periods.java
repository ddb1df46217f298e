package be.ifp.carecoord.rules;

import java.time.Instant;
import java.util.Calendar;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;

/**
 * Time as domain.md §2 defines it: a period without an end is open; two periods overlap when
 * each starts before the other ends. An end given as a date covers that whole day.
 */
public final class Periods {

  private Periods() {}

  /** Whether the period (null: always) contains the moment. */
  public static boolean contains(Period period, Instant moment) {
    return start(period) <= moment.toEpochMilli() && moment.toEpochMilli() < end(period);
  }

  public static boolean overlap(Period a, Period b) {
    return start(a) < end(b) && start(b) < end(a);
  }

  /** Whether the period (null: always) is over at the moment. */
  public static boolean endsBefore(Period period, Instant moment) {
    return end(period) <= moment.toEpochMilli();
  }

  /** Whether {@code earlier} ends no later than {@code later} starts. */
  public static boolean endsBeforeStartOf(Period earlier, Period later) {
    return end(earlier) <= start(later);
  }

  /** First instant of the period, in epoch milliseconds (Long.MIN_VALUE when open). */
  public static long start(Period period) {
    if (period == null || !period.hasStart()) {
      return Long.MIN_VALUE;
    }
    return period.getStartElement().getValue().getTime();
  }

  /** First instant after the period, in epoch milliseconds (Long.MAX_VALUE when open). */
  public static long end(Period period) {
    if (period == null || !period.hasEnd()) {
      return Long.MAX_VALUE;
    }
    return upperBound(period.getEndElement());
  }

  /** The first instant after a date or date-time at its precision: 2026-09-14 → 2026-09-15T00:00. */
  public static long upperBound(BaseDateTimeType value) {
    Calendar calendar = Calendar.getInstance(value.getTimeZone() != null
        ? value.getTimeZone() : java.util.TimeZone.getDefault());
    calendar.setTime(value.getValue());
    switch (value.getPrecision()) {
      case YEAR -> calendar.add(Calendar.YEAR, 1);
      case MONTH -> calendar.add(Calendar.MONTH, 1);
      case DAY -> calendar.add(Calendar.DAY_OF_MONTH, 1);
      case MINUTE -> calendar.add(Calendar.MINUTE, 1);
      case SECOND -> calendar.add(Calendar.SECOND, 1);
      default -> calendar.add(Calendar.MILLISECOND, 1);
    }
    return calendar.getTimeInMillis();
  }
}
