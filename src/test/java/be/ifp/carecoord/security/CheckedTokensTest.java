package be.ifp.carecoord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.ifp.carecoord.support.TestAuthority;
import be.ifp.carecoord.support.TestTokens;
import com.nimbusds.jose.JOSEException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class CheckedTokensTest {

  private static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final AtomicInteger fullChecks = new AtomicInteger();
  private final MovableClock clock = new MovableClock(Instant.now());
  private final JwtDecoder checks = fullChecks();

  private JwtDecoder fullChecks() {
    try {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestAuthority.signingKey().toRSAPublicKey()).build();
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestAuthority.ISSUER));
      return token -> {
        fullChecks.incrementAndGet();
        return decoder.decode(token);
      };
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSameToken_isCheckedOnce_anotherTokenOnItsOwn() {
    CheckedTokens tokens = new CheckedTokens(checks, MAX_AGE, 100, clock);
    String first = TestTokens.token().fhirUser("Practitioner/1").mint();
    String second = TestTokens.token().fhirUser("Practitioner/2").mint();

    assertThat(tokens.decode(first).getClaimAsString("fhirUser")).isEqualTo("Practitioner/1");
    assertThat(tokens.decode(first).getClaimAsString("fhirUser")).isEqualTo("Practitioner/1");
    assertThat(tokens.decode(second).getClaimAsString("fhirUser")).isEqualTo("Practitioner/2");

    assertThat(fullChecks).hasValue(2);
  }

  @Test
  void aRememberedToken_isCheckedAgain_afterTheMaximumAge() {
    CheckedTokens tokens = new CheckedTokens(checks, MAX_AGE, 100, clock);
    String token = TestTokens.token().validFor(Duration.ofHours(1)).mint();
    tokens.decode(token);

    clock.advance(MAX_AGE.minusSeconds(1));
    tokens.decode(token);
    assertThat(fullChecks).hasValue(1);

    clock.advance(Duration.ofSeconds(1));
    tokens.decode(token);
    assertThat(fullChecks).hasValue(2);
  }

  /** Within the maximum age but at its expiry, the token goes through the full checks again. */
  @Test
  void aRememberedToken_isNeverTakenFromMemoryPastItsExpiry() {
    CheckedTokens tokens = new CheckedTokens(checks, MAX_AGE, 100, clock);
    String token = TestTokens.token().validFor(Duration.ofMinutes(2)).mint();
    tokens.decode(token);

    clock.advance(Duration.ofMinutes(2));
    tokens.decode(token);
    assertThat(fullChecks).hasValue(2);
  }

  @Test
  void aRefusedToken_isNotRemembered() {
    CheckedTokens tokens = new CheckedTokens(checks, MAX_AGE, 100, clock);
    String stranger = TestTokens.token().signedByStranger().mint();

    assertThatThrownBy(() -> tokens.decode(stranger)).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> tokens.decode(stranger)).isInstanceOf(JwtException.class);
    assertThat(fullChecks).hasValue(2);
  }

  /** The server's checks refuse it; were they ever to let one through, memory does not keep it either. */
  @Test
  void aTokenWithoutExpiry_isNotRemembered() {
    CheckedTokens tokens = new CheckedTokens(checks, MAX_AGE, 100, clock);
    String forever = TestTokens.token().withoutExpiry().mint();

    assertThat(tokens.decode(forever).getExpiresAt()).isNull();
    tokens.decode(forever);
    assertThat(fullChecks).hasValue(2);
  }

  @Test
  void reachingTheMaximum_forgetsThemAll() {
    CheckedTokens tokens = new CheckedTokens(checks, MAX_AGE, 2, clock);
    String first = TestTokens.token().fhirUser("Practitioner/1").mint();
    tokens.decode(first);
    tokens.decode(TestTokens.token().fhirUser("Practitioner/2").mint());
    tokens.decode(TestTokens.token().fhirUser("Practitioner/3").mint());

    tokens.decode(first);
    assertThat(fullChecks).hasValue(4);
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
