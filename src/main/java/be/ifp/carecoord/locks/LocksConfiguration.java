package be.ifp.carecoord.locks;

import be.ifp.carecoord.server.FhirServerProperties;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/** Chooses the locks that hold for the database in use. */
@Configuration(proxyBeanMethods = false)
class LocksConfiguration {

  /** Enough stripes that unrelated keys rarely share one. */
  private static final int IN_PROCESS_LOCK_STRIPES = 1024;

  @Bean
  TransactionLocks transactionLocks(DataSource dataSource,
      EntityManagerFactory entityManagerFactory, FhirServerProperties properties)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return new PostgresAdvisoryLocks(
            SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
      }
    }
    return new InProcessLocks(IN_PROCESS_LOCK_STRIPES, properties.lockTimeout());
  }
}
