package be.ifp.carecoord.security;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.security.RequestedAccess.Audience;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.springframework.stereotype.Component;

/**
 * The door of the access policy: every REST request, every GET entry of a batch or transaction
 * (HAPI hands each to the same hook as a sub-request) and every write at the storage layer (where
 * PATCH, transaction entries and the writes of operations arrive) is refused unless the
 * {@link AccessPolicy} grants it to the caller. A user (anyone but a platform) is further kept to
 * routes that stay within their persons ({@link PersonRoutes}), to resources they can see
 * ({@link VisibleResources}), and, in a bundle, to entries judged one by one ({@link BundleEntryAccess}).
 * Writes that the server makes on its own (no REST request) are not checked.
 */
@Component
@Interceptor
class AccessGate implements RestServerInterceptor {

  /**
   * Before the profile validator and the rules (a refused write is not worth validating), before
   * the person checks (a missing grant is said as such), before HAPI's own If-Match handling.
   */
  static final int FIRST = -1000;

  private static final Set<RestOperationTypeEnum> INSTANCE_LEVEL = EnumSet.of(RestOperationTypeEnum.UPDATE,
      RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE, RestOperationTypeEnum.HISTORY_INSTANCE,
      RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, RestOperationTypeEnum.META,
      RestOperationTypeEnum.META_ADD, RestOperationTypeEnum.META_DELETE);

  private final Callers callers;
  private final AccessPolicy policy;
  private final SecurityProperties properties;
  private final PersonRoutes routes;
  private final VisibleResources visible;
  private final BundleEntryAccess bundles;
  private final ValidatedResources validations;

  AccessGate(Callers callers, AccessPolicy policy, SecurityProperties properties, PersonRoutes routes,
      VisibleResources visible, BundleEntryAccess bundles, ValidatedResources validations) {
    this.callers = callers;
    this.policy = policy;
    this.properties = properties;
    this.routes = routes;
    this.visible = visible;
    this.bundles = bundles;
    this.validations = validations;
  }

  /** Still on the servlet's thread, where Spring's security context knows the token. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean identify(RequestDetails request) {
    callers.of(request);
    return true;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = FIRST)
  public void authorise(RequestDetails request) {
    RequestedAccess asked = RequestedAccess.of(request);
    if (asked.audience() == Audience.FREE && request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
      return;
    }
    Caller caller = callerOf(request);
    if (!granted(caller, asked)) {
      throw new ForbiddenOperationException("The access policy does not allow this interaction to this caller; it needs "
          + asked.describe() + " (see docs/security.md)");
    }
    if (caller.kind() == Caller.Kind.PLATFORM) {
      return;
    }
    RestOperationTypeEnum operation = request.getRestOperationType();
    routes.check(request);
    if (ValidatedResources.isValidation(request)) {
      validations.check(caller, request);
    }
    switch (operation) {
      case TRANSACTION, BATCH -> bundles.authorise(caller, request);
      case SEARCH_TYPE -> routes.checkNarrowed(caller, request);
      default -> {
        if (INSTANCE_LEVEL.contains(operation) && request.getId() != null && request.getId().hasIdPart()) {
          visible.require(caller, request.getResourceName(), request.getId().getIdPart(), attempted(operation), request);
        }
      }
    }
  }

  private static Interaction attempted(RestOperationTypeEnum operation) {
    return switch (operation) {
      case UPDATE, PATCH, META_ADD, META_DELETE -> Interaction.UPDATE;
      case DELETE -> Interaction.DELETE;
      default -> Interaction.READ;
    };
  }

  private boolean granted(Caller caller, RequestedAccess asked) {
    return switch (asked.audience()) {
      case FREE -> true;
      case NOBODY -> false;
      case ADMINISTRATOR -> caller.kind() == Caller.Kind.PLATFORM && properties.administrators().contains(caller.clientId());
      case PLATFORM -> caller.kind() == Caller.Kind.PLATFORM && asked.interactions().stream()
          .allMatch(i -> caller.reach(asked.resourceType(), i) == Caller.Reach.ALL);
      case POLICY -> asked.interactions().stream()
          .anyMatch(i -> policy.reach(caller, asked.resourceType(), i) != Caller.Reach.NONE);
    };
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = FIRST)
  public void creating(IBaseResource resource, RequestDetails request) {
    checkWrite(resource, Interaction.CREATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = FIRST)
  public void updating(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    checkWrite(resource, Interaction.UPDATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = FIRST)
  public void deleting(IBaseResource resource, RequestDetails request) {
    checkWrite(resource, Interaction.DELETE, request);
  }

  private void checkWrite(IBaseResource resource, Interaction interaction, RequestDetails request) {
    if (!Callers.fromOutside(request)) {
      return;
    }
    Caller caller = callerOf(request);
    String type = resource.fhirType();
    Caller.Reach reach = policy.reach(caller, type, interaction);
    if (reach == Caller.Reach.NONE) {
      throw new ForbiddenOperationException("The access policy does not allow this write to this caller; it needs "
          + new RequestedAccess(type, EnumSet.of(interaction), Audience.POLICY).describe() + " (see docs/security.md)");
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
