package be.ifp.carecoord.security;

import java.time.Instant;
import java.util.Collection;
import org.hl7.fhir.r4.model.Period;
import be.ifp.carecoord.rules.Periods;

/**
 * Whether a user reaches a person, and until when that answer holds if nothing is written: the
 * first moment after the decision at which one of the periods it was read from starts or ends (a
 * participation that ends tonight, a refusal that takes effect tomorrow).
 *
 * @param reaches whether the user reaches the person
 * @param validUntil epoch milliseconds; {@link Long#MAX_VALUE} when no period changes anything
 */
record AccessDecision(boolean reaches, long validUntil) {

  /** The first start or end among the periods after {@code now}. */
  static long nextBoundary(Collection<Period> periods, Instant now) {
    long moment = now.toEpochMilli();
    long next = Long.MAX_VALUE;
    for (Period period : periods) {
      long start = Periods.start(period);
      long end = Periods.end(period);
      if (start > moment) {
        next = Math.min(next, start);
      }
      if (end > moment) {
        next = Math.min(next, end);
      }
    }
    return next;
  }
}
