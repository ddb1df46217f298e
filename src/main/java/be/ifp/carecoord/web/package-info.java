/**
 * HTTP-level protections and observability in front of the FHIR servlet: request size limit,
 * refusal of XML DTDs and entities, JSON nesting limit, request ids and structured request
 * logging. Configured under {@code ifp.web}.
 */
package be.ifp.carecoord.web;
