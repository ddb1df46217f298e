package be.ifp.carecoord.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server serves only the resource types of the access policy's table: HAPI registers storage
 * and REST endpoints for those alone, so the CapabilityStatement lists them alone and a request
 * for any other type (Task, Binary, Bundle…) is refused before anything is read or stored. The
 * policy refuses such types too; this takes them off the API altogether.
 */
@Configuration(proxyBeanMethods = false)
class ServedTypes {

  /**
   * Types HAPI's own services need storage for, though nobody reaches them through the API (the
   * policy names no grant for them): Provenance and Task, which HAPI's reference replacement and
   * merge services write, Binary, where HAPI's package cache may keep a package's contents, and
   * Bundle, whose type-level {@code $validate} judges a transaction's entries together (platforms
   * only, {@link RequestedAccess}); none is stored through the API.
   */
  static final List<String> HAPI_INTERNAL = List.of("Binary", "Bundle", "Provenance", "Task");

  static List<String> all() {
    return Stream.concat(AccessPolicy.DATA.values().stream().flatMap(List::stream),
        HAPI_INTERNAL.stream()).sorted().toList();
  }

  @Bean
  static BeanPostProcessor servedTypesOnly() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DaoRegistry registry) {
          registry.setSupportedResourceTypes(all());
        }
        return bean;
      }
    };
  }
}
