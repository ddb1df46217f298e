package be.ifp.carecoord.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The issuer's signing keys, fetched from its JWKS and kept for five minutes (Nimbus' cache, as
 * Spring Security keeps them). A token whose key id is not among the kept keys makes the JWKS be
 * fetched again, so that a key the issuer rotated in is found; but anyone can send such a token,
 * so that refetch happens at most once per {@code refetchInterval}: between two, a token with an
 * unknown key id is simply refused. Tokens with a known key id never wait for a fetch they did not
 * need. Neither Spring's {@code withJwkSetUri} (no limit) nor Nimbus' rate limiter (two fetches
 * per interval, and once reached it also blocks the five-minute refresh that tokens with known
 * keys need) does this, hence the limit sits here, above the cache.
 */
final class IssuerKeys implements JWKSetSource<SecurityContext> {

  // Bounded, unlike Spring's RestTemplate: a slow issuer must not hold request threads forever.
  private static final int TIMEOUT_MILLIS = 5_000;

  private final JWKSetSource<SecurityContext> cached;
  private final long refetchIntervalMillis;
  private long nextRefetchAllowed = Long.MIN_VALUE;

  IssuerKeys(JWKSetSource<SecurityContext> cached, Duration refetchInterval) {
    this.cached = cached;
    this.refetchIntervalMillis = refetchInterval.toMillis();
  }

  /** The keys of the JWKS at {@code jwksUrl}, as a key source for a JWT processor. */
  static JWKSetBasedJWKSource<SecurityContext> at(String jwksUrl, Duration refetchInterval) {
    try {
      URLBasedJWKSetSource<SecurityContext> fetched = new URLBasedJWKSetSource<>(URI.create(jwksUrl).toURL(),
          new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT));
      CachingJWKSetSource<SecurityContext> cached = new CachingJWKSetSource<>(fetched,
          JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, null);
      return new JWKSetBasedJWKSource<>(new IssuerKeys(cached, refetchInterval));
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("ifp.security.jwt.jwks-url is not a URL: " + jwksUrl, e);
    }
  }

  /**
   * A lookup asks for the kept keys ({@code noRefresh}); only when the key id was not among them
   * does it ask again with a refresh, which is let through at most once per interval.
   */
  @Override
  public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
      throws KeySourceException {
    JWKSetCacheRefreshEvaluator allowed =
        refresh.equals(JWKSetCacheRefreshEvaluator.noRefresh()) || refetchAllowed(currentTime)
            ? refresh : JWKSetCacheRefreshEvaluator.noRefresh();
    return cached.getJWKSet(allowed, currentTime, context);
  }

  private synchronized boolean refetchAllowed(long currentTime) {
    if (currentTime < nextRefetchAllowed) {
      return false;
    }
    nextRefetchAllowed = currentTime + refetchIntervalMillis;
    return true;
  }

  @Override
  public void close() throws IOException {
    cached.close();
  }
}
