package be.ifp.carecoord.security;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.EnumSet;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.springframework.stereotype.Component;

/**
 * Refuses (403) what the token's SMART scopes do not grant: every REST interaction when HAPI has
 * worked out what it is, and every write at the storage layer, which is where the entries of a
 * transaction or batch, a PATCH, and the writes of operations such as {@code $import-belrai} all
 * arrive. Writes that the server makes on its own (no REST request) are not checked.
 */
@Component
@Interceptor
class ScopeEnforcingInterceptor implements RestServerInterceptor {

  /**
   * Before the profile validator and the rules (a refused write is not worth validating), and
   * before the person checks (a missing scope is said as such).
   */
  static final int BEFORE_OTHER_WRITE_HOOKS = -1000;

  private final Callers callers;

  ScopeEnforcingInterceptor(Callers callers) {
    this.callers = callers;
  }

  /** Still on the servlet's thread, where Spring's security context knows the token. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean identify(RequestDetails request) {
    callers.of(request);
    return true;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = BEFORE_OTHER_WRITE_HOOKS)
  public void checkInteraction(RequestDetails request) {
    Optional<RequiredScope> required = RequiredScope.of(request);
    if (required.isEmpty()) {
      return;
    }
    Caller caller = callerOf(request);
    if (required.get().reachOf(caller) == Caller.Reach.NONE) {
      throw new ForbiddenOperationException(
          "The access token's scopes do not allow this interaction; it needs " + required.get().describe());
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = BEFORE_OTHER_WRITE_HOOKS)
  public void creating(IBaseResource resource, RequestDetails request) {
    checkWrite(resource, Interaction.CREATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = BEFORE_OTHER_WRITE_HOOKS)
  public void updating(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    checkWrite(resource, Interaction.UPDATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = BEFORE_OTHER_WRITE_HOOKS)
  public void deleting(IBaseResource resource, RequestDetails request) {
    checkWrite(resource, Interaction.DELETE, request);
  }

  private void checkWrite(IBaseResource resource, Interaction interaction, RequestDetails request) {
    if (!Callers.fromOutside(request)) {
      return;
    }
    Caller caller = callerOf(request);
    String type = resource.fhirType();
    Caller.Reach reach = caller.reach(type, interaction);
    if (reach == Caller.Reach.NONE) {
      throw new ForbiddenOperationException("The access token's scopes do not allow this write; it needs "
          + new RequiredScope(type, EnumSet.of(interaction), false).describe());
    }
    if (reach == Caller.Reach.ALL) {
      checkEntity(caller, resource);
    }
  }

  /** A system client limited to one entity writes only teams and episodes of that entity. */
  private static void checkEntity(Caller caller, IBaseResource resource) {
    Optional<Entity> limit = caller.limits().entity();
    if (limit.isEmpty() || !(resource instanceof DomainResource domainResource)) {
      return;
    }
    IfpData.entityOf(domainResource).filter(entity -> entity != limit.get()).ifPresent(entity -> {
      throw new ForbiddenOperationException("Client " + caller.clientId() + " may write only for entity "
          + limit.get() + ", not " + entity);
    });
  }

  private Caller callerOf(RequestDetails request) {
    return callers.of(request).orElseThrow(() -> new AuthenticationException("A bearer token is required"));
  }
}
