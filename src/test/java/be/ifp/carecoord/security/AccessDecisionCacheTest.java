package be.ifp.carecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import be.ifp.carecoord.rules.Periods;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

class AccessDecisionCacheTest {

  private static final String NURSE = "PractitionerRole/nurse";
  private static final String MARIA = "Patient/maria";
  private static final String JAN = "Patient/jan";
  private static final long NOW = 1_000_000;

  private final AccessDecisionCache cache = cache(100);

  @Test
  void aKeptDecision_isKnown_untilItsPersonChanges() {
    cache.keep(NURSE, MARIA, cache.stamp(MARIA), new AccessDecision(true, Long.MAX_VALUE));
    cache.keep(NURSE, JAN, cache.stamp(JAN), new AccessDecision(false, Long.MAX_VALUE));
    assertThat(cache.known(NURSE, MARIA, NOW)).contains(true);
    assertThat(cache.known(NURSE, JAN, NOW)).contains(false);

    cache.forget(MARIA);

    assertThat(cache.known(NURSE, MARIA, NOW)).isEmpty();
    assertThat(cache.known(NURSE, JAN, NOW)).contains(false);
  }

  @Test
  void aDecision_isNotKnown_fromTheEndOfItsValidity() {
    cache.keep(NURSE, MARIA, cache.stamp(MARIA), new AccessDecision(true, NOW + 1));

    assertThat(cache.known(NURSE, MARIA, NOW)).contains(true);
    assertThat(cache.known(NURSE, MARIA, NOW + 1)).isEmpty();
  }

  @Test
  void aDecisionWorkedOutWhileItsPersonChanged_isNotKept() {
    AccessDecisionCache.Stamp before = cache.stamp(MARIA);
    cache.forget(MARIA);
    cache.keep(NURSE, MARIA, before, new AccessDecision(true, Long.MAX_VALUE));

    AccessDecisionCache.Stamp beforeAll = cache.stamp(JAN);
    cache.forgetAll();
    cache.keep(NURSE, JAN, beforeAll, new AccessDecision(true, Long.MAX_VALUE));

    assertThat(cache.known(NURSE, MARIA, NOW)).isEmpty();
    assertThat(cache.known(NURSE, JAN, NOW)).isEmpty();
  }

  @Test
  void anUninformedInstance_keepsNothing() {
    cache.keep(NURSE, MARIA, cache.stamp(MARIA), new AccessDecision(true, Long.MAX_VALUE));

    cache.informed(false);
    cache.keep(NURSE, JAN, cache.stamp(JAN), new AccessDecision(true, Long.MAX_VALUE));

    assertThat(cache.known(NURSE, MARIA, NOW)).isEmpty();
    assertThat(cache.known(NURSE, JAN, NOW)).isEmpty();
    cache.informed(true);
    assertThat(cache.known(NURSE, MARIA, NOW)).as("forgotten while uninformed").isEmpty();
  }

  @Test
  void reachingTheMaximum_dropsEverything() {
    AccessDecisionCache small = cache(1);
    small.keep(NURSE, MARIA, small.stamp(MARIA), new AccessDecision(true, Long.MAX_VALUE));

    small.keep(NURSE, JAN, small.stamp(JAN), new AccessDecision(true, Long.MAX_VALUE));

    assertThat(small.known(NURSE, MARIA, NOW)).isEmpty();
    assertThat(small.known(NURSE, JAN, NOW)).isEmpty();
  }

  @Test
  void disabled_keepsNothing() {
    AccessDecisionCache disabled = new AccessDecisionCache(properties(false, 100), new SimpleMeterRegistry());
    disabled.keep(NURSE, MARIA, disabled.stamp(MARIA), new AccessDecision(true, Long.MAX_VALUE));

    assertThat(disabled.known(NURSE, MARIA, NOW)).isEmpty();
  }

  @Test
  void theNextBoundary_isTheFirstStartOrEndAfterNow() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    Period endedYesterday = period("2026-01-01T00:00:00Z", "2026-11-23T00:00:00Z");
    Period endsTonight = period("2026-01-01T00:00:00Z", "2026-11-25T00:00:00Z");
    Period startsNextWeek = period("2026-12-01T00:00:00Z", null);

    assertThat(AccessDecision.nextBoundary(List.of(endedYesterday, endsTonight, startsNextWeek), now))
        .isEqualTo(Periods.end(endsTonight));
    assertThat(AccessDecision.nextBoundary(List.of(startsNextWeek), now))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
    assertThat(AccessDecision.nextBoundary(List.of(endedYesterday, new Period()), now)).isEqualTo(Long.MAX_VALUE);
  }

  private static Period period(String start, String end) {
    Period period = new Period().setStart(Date.from(Instant.parse(start)));
    return end == null ? period : period.setEnd(Date.from(Instant.parse(end)));
  }

  private static AccessDecisionCache cache(int maxEntries) {
    return new AccessDecisionCache(properties(true, maxEntries), new SimpleMeterRegistry());
  }

  private static SecurityProperties properties(boolean enabled, int maxEntries) {
    return new SecurityProperties(SecurityMode.OAUTH2, new SecurityProperties.Jwt("", "", "", new SecurityProperties.CheckedTokens(0, Duration.ofMinutes(5)),
        Duration.ofSeconds(30)),
        new SecurityProperties.Identity("fhirUser", "", List.of()), new SecurityProperties.Smart("", ""),
        new SecurityProperties.AccessCache(enabled, maxEntries, Duration.ofSeconds(5)), Map.of(), java.util.Set.of(), "ifp/operator");
  }
}
