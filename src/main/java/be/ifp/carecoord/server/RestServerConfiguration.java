package be.ifp.carecoord.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR REST servlet at {@value #FHIR_PATH}: providers, paging, CapabilityStatement. */
@Configuration(proxyBeanMethods = false)
class RestServerConfiguration {

  /** Where the FHIR base lives; fixed, because every client and document points there. */
  static final String FHIR_PATH = "/fhir";

  static final String SERVER_NAME = "ifp-carecoord";

  private static final String DESCRIPTION =
      "ifp-carecoord: FHIR R4 server for Belgian integrated care (IFP)";

  @Bean
  RestfulServer fhirRestServer(
      FhirContext fhirContext,
      FhirServerProperties properties,
      ResourceProviderFactory resourceProviders,
      IJpaSystemProvider systemProvider,
      ValueSetOperationProvider valueSetOperations,
      DatabaseBackedPagingProvider pagingProvider,
      IFhirSystemDao<?, ?> systemDao,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      ObjectProvider<BuildProperties> buildProperties,
      List<RestServerInterceptor> interceptors,
      List<RestServerProvider> providers) {
    // Narratives are the client's business; generating them costs time on every write.
    fhirContext.setNarrativeGenerator(new NullNarrativeGenerator());

    RestfulServer server = new RestfulServer(fhirContext);
    server.setServerName(SERVER_NAME);
    BuildProperties build = buildProperties.getIfAvailable();
    server.setServerVersion(build != null ? build.getVersion() : "development");
    server.setImplementationDescription(DESCRIPTION);
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    server.registerProvider(valueSetOperations);
    providers.forEach(server::registerProvider);

    pagingProvider.setDefaultPageSize(properties.defaultPageSize());
    pagingProvider.setMaximumPageSize(properties.maxPageSize());
    server.setPagingProvider(pagingProvider);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);

    String publicBaseUrl = properties.publicBaseUrlOrNull();
    if (publicBaseUrl != null) {
      server.setServerAddressStrategy(new HardcodedServerAddressStrategy(publicBaseUrl));
    }

    server.setServerConformanceProvider(
        new CarecoordCapabilityStatementProvider(
            server,
            systemDao,
            storageSettings,
            searchParamRegistry,
            validationSupport,
            DESCRIPTION));

    // Browsers get readable HTML; FHIR clients are unaffected.
    server.registerInterceptor(new ResponseHighlighterInterceptor());
    interceptors.forEach(server::registerInterceptor);
    return server;
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer fhirRestServer) {
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(fhirRestServer, FHIR_PATH + "/*");
    registration.setName("fhir");
    // Initialise at start-up so that the first client does not pay for it.
    registration.setLoadOnStartup(1);
    return registration;
  }
}
