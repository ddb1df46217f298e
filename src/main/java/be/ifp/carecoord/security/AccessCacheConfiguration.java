package be.ifp.carecoord.security;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * On PostgreSQL, which several instances may share, the kept access decisions also hear of the
 * other instances' writes ({@link PostgresAccessChanges}). H2 is a file only one process opens.
 */
@Configuration(proxyBeanMethods = false)
class AccessCacheConfiguration {

  @Bean
  @ConditionalOnExpression("${ifp.security.access-cache.enabled:true} and '${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
  PostgresAccessChanges postgresAccessChanges(AccessDecisionCache cache, EntityManagerFactory entityManagerFactory,
      DataSourceProperties database, SecurityProperties properties) {
    return new PostgresAccessChanges(cache, SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
        database, properties.accessCache().listenRetry());
  }
}
