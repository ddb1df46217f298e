package be.ifp.carecoord.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Checks, before any bean is made, that the mode and the issuer settings agree: a server that
 * would not protect its data as its operator meant stops at once (not after the database and the
 * validation package are loaded), saying what to change. Production needs an issuer; development
 * mode, which serves everyone, must not run where an issuer is configured, since that is a
 * production configuration that got the {@code dev} profile by mistake.
 */
final class SecurityModeCheck implements BeanFactoryPostProcessor {

  private final Environment environment;

  SecurityModeCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    Binder settings = Binder.get(environment);
    check(settings.bind("ifp.security.mode", SecurityMode.class).orElse(SecurityMode.OAUTH2),
        settings.bind("ifp.security.jwt.issuer", String.class).orElse(""),
        settings.bind("ifp.security.jwt.jwks-url", String.class).orElse(""));
  }

  static void check(SecurityMode mode, String issuer, String jwksUrl) {
    if (mode == SecurityMode.DEVELOPMENT && !(issuer.isBlank() && jwksUrl.isBlank())) {
      throw new IllegalStateException("Development mode (ifp.security.mode=development, set by the 'dev' profile)"
          + " serves requests without a token and trusts the published dev-only key, yet an issuer is configured"
          + " (ifp.security.jwt.issuer='" + issuer + "', ifp.security.jwt.jwks-url='" + jwksUrl + "')."
          + " With a real issuer, remove the 'dev' profile and ifp.security.mode=development; on a workstation,"
          + " remove ifp.security.jwt.issuer and ifp.security.jwt.jwks-url (IFP_SECURITY_JWT_ISSUER,"
          + " IFP_SECURITY_JWT_JWKS_URL).");
    }
    if (mode == SecurityMode.OAUTH2 && (issuer.isBlank() || jwksUrl.isBlank())) {
      throw new IllegalStateException("ifp.security.jwt.issuer and ifp.security.jwt.jwks-url must be set: the"
          + " server accepts only bearer tokens of a configured issuer (see docs/security.md). On a workstation,"
          + " start in development mode instead: --spring.profiles.active=dev");
    }
  }
}
