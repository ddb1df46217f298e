package be.ifp.carecoord.server;

/**
 * Marks a Spring bean as a HAPI interceptor of the storage layer: {@link StorageConfiguration}
 * registers every bean of this type on the JPA interceptor service, so its hooks run for every
 * path into the database (create, update, conditional, PATCH, transaction, batch).
 */
public interface StorageInterceptor {}
