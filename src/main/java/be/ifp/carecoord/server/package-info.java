/**
 * The HAPI FHIR JPA R4 server: persistence (H2 or PostgreSQL), the storage settings we choose,
 * the REST servlet at {@code /fhir}, its CapabilityStatement and the start-up report. Configured
 * under {@code ifp.server}.
 */
package be.ifp.carecoord.server;
