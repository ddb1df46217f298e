package be.ifp.carecoord.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Before a user's update, PATCH, delete, instance history or instance operation runs: the resource
 * must exist and be one the user can see, else the answer is the same 404 in every case
 * ({@link UniformNotFound#of}). Without this, a PUT or DELETE on a missing id and on another
 * person's resource would answer differently (a create or a 400, a 200 against a 404), and an
 * If-Match on another person's resource would say 412: each tells that the resource exists.
 * Users therefore do not create resources by PUT.
 */
@Component
class VisibleResources {

  private final DaoRegistry daos;
  private final PersonReach reach;
  private final ApplicationEventPublisher events;

  VisibleResources(DaoRegistry daos, PersonReach reach, ApplicationEventPublisher events) {
    this.daos = daos;
    this.reach = reach;
    this.events = events;
  }

  void require(Caller caller, String type, String id, Interaction interaction, RequestDetails request) {
    if (!visible(caller, type, id, interaction, request)) {
      throw UniformNotFound.of(type, id);
    }
  }

  /**
   * Whether the resource exists and the caller can see it; a refusal of an existing resource is
   * published for the person's access log.
   */
  boolean visible(Caller caller, String type, String id, Interaction interaction, RequestDetails request) {
    if (type == null || !daos.isResourceTypeSupported(type)) {
      return false;
    }
    IFhirResourceDao<?> dao = daos.getResourceDao(type);
    IBaseResource resource;
    try {
      resource = dao.read(new IdType(type, id), new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return false;
    }
    if (!reach.readable(caller, resource, request)) {
      events.publishEvent(new AccessRefused(caller, request, interaction, resource));
      return false;
    }
    return true;
  }
}
