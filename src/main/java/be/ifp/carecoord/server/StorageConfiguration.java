package be.ifp.carecoord.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.batch2.jobs.config.BatchCommonCtx;
import ca.uhn.fhir.batch2.jobs.expunge.DeleteExpungeAppCtx;
import ca.uhn.fhir.batch2.jobs.reindex.ReindexAppCtx;
import ca.uhn.fhir.batch2.jobs.termcodesystem.TermCodeSystemJobConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI FHIR JPA persistence for R4: the entity manager over the configured data source and the
 * storage settings this server chooses. The database itself (H2 file or PostgreSQL) is plain
 * {@code spring.datasource.*} configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  JpaBatch2Config.class,
  // Only the batch jobs the storage layer uses: reindexing (after a search parameter changes),
  // code system storage and the delete-expunge submitter the DAOs depend on. Bulk export and
  // import are not offered; leaving their jobs out saves start-up time and memory.
  BatchCommonCtx.class,
  ReindexAppCtx.class,
  DeleteExpungeAppCtx.class,
  TermCodeSystemJobConfig.class,
  // The in-JVM message broker that batch jobs (reindexing) and subscription delivery run on.
  SubscriptionChannelConfig.class,
  ThreadPoolFactoryConfig.class
})
class StorageConfiguration {

  /**
   * Storage behaviour that is not the operator's choice: a care plan that points to a missing
   * team or a team without its patient is wrong data, so references must resolve on write and a
   * referenced resource cannot be deleted; external and placeholder references would let
   * dangling links in.
   */
  @Bean
  JpaStorageSettings jpaStorageSettings(FhirServerProperties properties) {
    JpaStorageSettings settings = new JpaStorageSettings();
    settings.setEnforceReferentialIntegrityOnWrite(true);
    settings.setEnforceReferentialIntegrityOnDelete(true);
    settings.setAutoCreatePlaceholderReferenceTargets(false);
    settings.setAllowExternalReferences(false);
    settings.setAllowMultipleDelete(false);
    settings.setExpungeEnabled(false);
    settings.setFetchSizeDefaultMaximum(properties.maxPageSize());
    settings.setReuseCachedSearchResultsForMillis(properties.reuseSearchResultsMillisOrNull());
    // Validation expands the IFP value sets in memory; HAPI's background pre-expansion into
    // database tables fails for value sets drawing on national code systems that are not stored
    // as terminology (CD-HCPARTY) and only costs start-up work.
    settings.setPreExpandValueSets(false);
    String publicBaseUrl = properties.publicBaseUrlOrNull();
    if (publicBaseUrl != null) {
      // Absolute references to ourselves are stored as local references.
      settings.setTreatBaseUrlsAsLocal(Set.of(publicBaseUrl));
    }
    return settings;
  }

  /** One partition: the server serves one deployment (a region can run its own instance). */
  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Primary
  @Bean
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      JpaProperties jpaProperties,
      DataSource dataSource,
      SchemaStamp schemaStamp) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(
            beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    factory.setJpaPropertyMap(schemaStamp.startingProperties(jpaProperties.getProperties()));
    return factory;
  }

  /** Registers every {@link StorageInterceptor} bean on the JPA interceptor service. */
  @Bean
  InitializingBean storageInterceptorRegistration(
      IInterceptorService jpaInterceptors, List<StorageInterceptor> storageInterceptors) {
    return () -> storageInterceptors.forEach(jpaInterceptors::registerInterceptor);
  }

  @Primary
  @Bean
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }
}
