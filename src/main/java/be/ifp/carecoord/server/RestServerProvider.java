package be.ifp.carecoord.server;

/**
 * Marks a Spring bean as a plain HAPI provider (operations that no resource provider offers):
 * {@link RestServerConfiguration} registers every bean of this type on the FHIR servlet, like
 * {@link RestServerInterceptor} for interceptors. The bean still declares its operations with
 * HAPI's {@code @Operation} annotations.
 */
public interface RestServerProvider {}
