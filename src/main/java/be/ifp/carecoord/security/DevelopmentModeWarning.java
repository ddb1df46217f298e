package be.ifp.carecoord.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs at start-up, where an operator looks, that development mode leaves the data unprotected:
 * once the context is up, before the server reports itself ready (that report listens to the
 * later ready event), so the warning is never lost among what follows.
 */
@Component
class DevelopmentModeWarning {

  private static final Logger LOG = LoggerFactory.getLogger(DevelopmentModeWarning.class);

  private final SecurityProperties properties;

  DevelopmentModeWarning(SecurityProperties properties) {
    this.properties = properties;
  }

  @EventListener(ApplicationStartedEvent.class)
  void warn() {
    if (properties.development()) {
      LOG.warn("*****************************************************************************");
      LOG.warn(SecurityInCapabilityStatement.DEVELOPMENT_WARNING);
      LOG.warn("ifp.security.mode=development: for a workstation only. Remove it (and the 'dev' profile) elsewhere.");
      LOG.warn("*****************************************************************************");
    } else {
      LOG.info("Bearer tokens required: issuer {}, audience {}", properties.jwt().issuer(), properties.jwt().audience());
    }
  }
}
