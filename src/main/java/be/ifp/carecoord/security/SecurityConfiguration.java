package be.ifp.carecoord.security;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * issuer, signed by a key of its JWKS, for this server's audience, not expired); what a token
 * allows is decided further in, by the FHIR interceptors of this package. Open without a token:
 * the CapabilityStatement and the SMART configuration (clients read them to learn how to get a
 * token), health probes, and the IG package (conformance material, no personal data).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Paths served without a token, in both modes. */
  static final List<String> OPEN_PATHS = List.of(
      "/fhir/metadata", SmartConfigurationServlet.PATH, "/manage/health/**", "/manage/info", "/ig/package.tgz", "/error");

  @Bean
  SecurityFilterChain httpSecurity(HttpSecurity http, SecurityProperties properties, JwtDecoder tokens,
      FhirContext fhirContext) throws Exception {
    BearerRefusals refusals = new BearerRefusals(fhirContext);
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
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    SecurityProperties.Jwt jwt = properties.jwt();
    if (properties.development()) {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(DevelopmentKey.publicKey()).build();
      decoder.setJwtValidator(validator(DevelopmentKey.ISSUER, jwt.audience()));
      return remembered(decoder, jwt.checkedTokens());
    }
    if (jwt.issuer().isBlank() || jwt.jwksUrl().isBlank()) {
      throw new IllegalStateException("ifp.security.jwt.issuer and ifp.security.jwt.jwks-url must be set: the"
          + " server accepts only bearer tokens of a configured issuer (see docs/security.md). On a workstation,"
          + " start in development mode instead: --spring.profiles.active=dev");
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwksUrl()).build();
    decoder.setJwtValidator(validator(jwt.issuer(), jwt.audience()));
    return remembered(decoder, jwt.checkedTokens());
  }

  private static JwtDecoder remembered(JwtDecoder decoder, SecurityProperties.CheckedTokens kept) {
    return kept.maxEntries() == 0 ? decoder
        : new CheckedTokens(decoder, kept.maxAge(), kept.maxEntries(), Clock.systemUTC());
  }

  /** Signature aside: the issuer, the expiry and not-before times, and our audience. */
  private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
    OAuth2TokenValidator<Jwt> forUs = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
        audiences -> audiences != null && audiences.contains(audience));
    return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), forUs);
  }
}
