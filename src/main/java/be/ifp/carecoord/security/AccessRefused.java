package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A caller was kept from a person's resource: it was left out of what they read, or their change
 * to it was refused. Published as a Spring event, so that the audit trail can tell the person
 * who tried (IFP-AC-05) without the access checks knowing about the audit.
 *
 * @param caller who tried
 * @param request the request that tried
 * @param interaction what they tried: a read (read, search, history…), an update or a delete
 * @param resource the person's resource they were kept from (before the change, for a change)
 */
public record AccessRefused(Caller caller, RequestDetails request, Interaction interaction, IBaseResource resource) {}
