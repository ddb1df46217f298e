package be.ifp.carecoord.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the bearer tokens that passed every check, so that a client sending the same token
 * with each request has its signature verified and its claims parsed once, not on every request
 * (about a twentieth of a read's processor time, measured). A token is taken from memory only
 * until the earliest of its expiry and {@code maxAge} after it was checked, which bounds how long
 * a token signed with a key withdrawn from the issuer's key set stays accepted; after that it is
 * checked in full again. Only exactly the same token string matches, and refused tokens and
 * tokens without an expiry are never remembered. Reaching {@code maxEntries} forgets them all.
 */
final class CheckedTokens implements JwtDecoder {

  private final JwtDecoder checks;
  private final Duration maxAge;
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  private record Checked(Jwt jwt, Instant validUntil) {}

  CheckedTokens(JwtDecoder checks, Duration maxAge, int maxEntries, Clock clock) {
    this.checks = checks;
    this.maxAge = maxAge;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Checked known = checked.get(token);
    // A token's not-before time, checked when it was remembered, stays passed.
    if (known != null && now.isBefore(known.validUntil())) {
      return known.jwt();
    }
    Jwt jwt = checks.decode(token);
    if (jwt.getExpiresAt() == null) {
      // The checks refuse such tokens; should they ever let one through, it is not kept either.
      return jwt;
    }
    Instant validUntil = now.plus(maxAge);
    if (jwt.getExpiresAt().isBefore(validUntil)) {
      validUntil = jwt.getExpiresAt();
    }
    if (checked.size() >= maxEntries) {
      checked.clear();
    }
    checked.put(token, new Checked(jwt, validUntil));
    return jwt;
  }
}
