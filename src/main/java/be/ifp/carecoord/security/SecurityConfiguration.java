package be.ifp.carecoord.security;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what over HTTP. The FHIR API needs a bearer token (a JWT from the configured
 * issuer, signed by a key of its JWKS, for this server's audience, with an expiry that has not
 * passed); what a token allows is decided further in, by the FHIR interceptors of this package.
 * The management endpoints need a token with the operator scope. Open without a token: the
 * CapabilityStatement and the SMART configuration (clients read them to learn how to get a
 * token), health probes, and the IG package (conformance material, no personal data).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Paths served without a token, in both modes. */
  static final List<String> OPEN_PATHS = List.of(
      "/fhir/metadata", SmartConfigurationServlet.PATH, "/manage/health/**", "/manage/info", "/ig/package.tgz", "/error");

  /** The management endpoints: those not open need the operator scope. */
  static final String MANAGEMENT_PATHS = "/manage/**";

  @Bean
  SecurityFilterChain httpSecurity(HttpSecurity http, SecurityProperties properties, JwtDecoder tokens,
      FhirContext fhirContext) throws Exception {
    // The operator scope is the only rule of this chain that refuses a caller with a valid token.
    BearerRefusals refusals = new BearerRefusals(fhirContext,
        "the management endpoints need a token with the scope " + properties.operatorScope());
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> {
          // Path patterns on the whole path: the FHIR servlet is not Spring MVC's.
          OPEN_PATHS.forEach(path -> requests.requestMatchers(
              PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path)).permitAll());
          if (properties.development()) {
            requests.anyRequest().permitAll();
          } else {
            // Metrics tell who uses the server how much: operators' business, not users'.
            requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(MANAGEMENT_PATHS))
                .hasAuthority("SCOPE_" + properties.operatorScope());
            requests.anyRequest().authenticated();
          }
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.decoder(tokens))
            .authenticationEntryPoint(refusals)
            .accessDeniedHandler(refusals))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
    return http.build();
  }

  @Bean
  static SecurityModeCheck securityModeCheck(Environment environment) {
    return new SecurityModeCheck(environment);
  }

  /** The mode's settings agree: {@link SecurityModeCheck} stopped the start otherwise. */
  @Bean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    SecurityProperties.Jwt jwt = properties.jwt();
    if (properties.development()) {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(DevelopmentKey.publicKey()).build();
      decoder.setJwtValidator(validator(DevelopmentKey.ISSUER, jwt.audience()));
      return remembered(decoder, jwt.checkedTokens());
    }
    // Spring's key selector (RS256, the same as withJwkSetUri's default) over our key source, which
    // limits refetches; the builder's own source is then never asked for keys.
    JWKSource<SecurityContext> keys = IssuerKeys.at(jwt.jwksUrl(), jwt.jwksRefetchInterval());
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwksUrl())
        .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
            new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys)))
        .build();
    decoder.setJwtValidator(validator(jwt.issuer(), jwt.audience()));
    return remembered(decoder, jwt.checkedTokens());
  }

  private static JwtDecoder remembered(JwtDecoder decoder, SecurityProperties.CheckedTokens kept) {
    return kept.maxEntries() == 0 ? decoder
        : new CheckedTokens(decoder, kept.maxAge(), kept.maxEntries(), Clock.systemUTC());
  }

  /**
   * Signature aside: the issuer, the expiry and not-before times, and our audience. Spring checks
   * {@code exp} only when present; a token without one would be valid for ever, so it is refused.
   */
  private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    OAuth2TokenValidator<Jwt> forUs = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
        audiences -> audiences != null && audiences.contains(audience));
    OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), expires, forUs);
  }
}
