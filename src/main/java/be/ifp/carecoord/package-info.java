/**
 * ifp-carecoord: a FHIR R4 server for Belgian integrated care (the Interfederal Plan for
 * Integrated Care). Capabilities live in their own packages: {@code server} (HAPI JPA REST
 * server and storage), {@code web} (HTTP guards and request logging).
 */
package be.ifp.carecoord;
