package be.ifp.carecoord.server;

/**
 * Marks a Spring bean as a HAPI interceptor of the REST layer: {@link RestServerConfiguration}
 * registers every bean of this type on the FHIR servlet, so a new concern is a new bean and
 * nobody edits the server's wiring. The bean still declares its hooks with HAPI's
 * {@code @Hook} annotations.
 */
public interface RestServerInterceptor {}
