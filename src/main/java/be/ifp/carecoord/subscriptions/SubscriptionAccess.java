package be.ifp.carecoord.subscriptions;

import be.ifp.carecoord.security.Caller;
import be.ifp.carecoord.security.Callers;
import be.ifp.carecoord.security.Interaction;
import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;

/**
 * Subscriptions are platform tools, each client's its own (issue 14): a Subscription sends a
 * person's data to an endpoint and its {@code channel.header} holds the platform's secret.
 * <ul>
 *   <li>Only a system client (no {@code fhirUser}) whose system/ scopes cover Subscription touches
 *       them; a user token gets 403 for every Subscription interaction, in a batch or
 *       transaction too ({@link SubscriptionEntries}).
 *   <li>The owner (the client id) is written by the server at creation and kept on every update
 *       ({@link SubscriptionOwner}); another client's Subscription answers exactly as a missing
 *       one (404, same text), on read, vread, history, update, patch and delete; searches are
 *       narrowed to the client's own; whatever storage hands out (include, history, pages) is
 *       dropped when it is not the caller's.
 *   <li>What would match or list other clients' Subscriptions is refused: conditional
 *       create/update/delete/patch, type history; {@code $meta-add} and {@code $meta-delete},
 *       which could change the owner tag, and every other operation except {@code $validate}.
 *   <li>No create by PUT: a Subscription gets its id from the server, so an id that is not the
 *       caller's, taken or not, answers 404 alike.
 * </ul>
 * The server's own work (activation, no REST caller) is left alone.
 */
@Interceptor
class SubscriptionAccess implements RestServerInterceptor {

  static final String TYPE = "Subscription";
  /** Before security/AccessGate (AccessGate.FIRST) and PersonDataGuard. */
  private static final int BEFORE_OTHER_CHECKS = -1500;
  private static final String VALIDATE = "$validate";

  private final Callers callers;
  private final DaoRegistry daos;

  SubscriptionAccess(Callers callers, DaoRegistry daos) {
    this.callers = callers;
    this.daos = daos;
  }

  /**
   * Before HAPI binds the search's parameters to the search (PRE_HANDLED comes after), as HAPI's
   * own search narrowing does. Refusals come at PRE_HANDLED.
   */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean narrowSearch(RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isPresent() && request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE
        && TYPE.equals(request.getResourceName())) {
      narrowToOwn(caller.get(), request);
    }
    return true;
  }

  /**
   * Before the other access checks, which may read the Subscription (instance history) and so
   * answer a user 404 where this answers 403.
   */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = BEFORE_OTHER_CHECKS)
  public void checkRequest(RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (caller.isEmpty() || operation == null) {
      return;
    }
    if (operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH) {
      SubscriptionEntries.check(caller.get(), request, this::isPlatform, this::requireOwn);
      return;
    }
    if (!TYPE.equals(request.getResourceName())) {
      return;
    }
    requirePlatform(caller.get(), interactionOf(operation));
    IIdType id = request.getId();
    boolean instance = id != null && id.hasIdPart();
    switch (operation) {
      case CREATE -> {
        if (request.getHeader(Constants.HEADER_IF_NONE_EXIST) != null) {
          throw conditionalRefused();
        }
      }
      case HISTORY_TYPE -> throw new ForbiddenOperationException(
          "Subscription/_history would list other clients' Subscriptions; ask each Subscription's own history");
      case EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_INSTANCE -> {
        if (!VALIDATE.equals(request.getOperation())) {
          throw new ForbiddenOperationException(request.getOperation() + " is not available on Subscriptions");
        }
      }
      default -> { }
    }
    if (instance) {
      requireOwn(caller.get(), id.getIdPart());
    } else if (operation == RestOperationTypeEnum.UPDATE || operation == RestOperationTypeEnum.PATCH
        || operation == RestOperationTypeEnum.DELETE) {
      throw conditionalRefused();
    }
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void dropOthers(IPreResourceAccessDetails details, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource resource = details.getResource(i);
      if (resource != null && TYPE.equals(resource.fhirType()) && !readable(caller.get(), resource)) {
        details.setDontReturnResourceAtIndex(i);
      }
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void creating(IBaseResource resource, RequestDetails request) {
    Optional<Caller> caller = outsideCaller(resource, request);
    if (caller.isEmpty()) {
      return;
    }
    requirePlatform(caller.get(), Interaction.CREATE);
    if (request.getRequestType() == RequestTypeEnum.PUT) {
      // Create by PUT (an entry of a bundle; top-level PUTs are checked before): an id that is not the caller's.
      throw notKnown(resource.getIdElement().getIdPart());
    }
    SubscriptionOwner.stamp(resource, caller.get().clientId());
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updating(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    Optional<Caller> caller = outsideCaller(resource, request);
    if (caller.isEmpty()) {
      return;
    }
    requirePlatform(caller.get(), Interaction.UPDATE);
    if (!SubscriptionOwner.isOwnedBy(previous, caller.get().clientId())) {
      throw notKnown(previous.getIdElement().getIdPart());
    }
    SubscriptionOwner.stamp(resource, caller.get().clientId());
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void deleting(IBaseResource resource, RequestDetails request) {
    Optional<Caller> caller = outsideCaller(resource, request);
    if (caller.isEmpty()) {
      return;
    }
    requirePlatform(caller.get(), Interaction.DELETE);
    if (!SubscriptionOwner.isOwnedBy(resource, caller.get().clientId())) {
      throw notKnown(resource.getIdElement().getIdPart());
    }
  }

  /** The REST caller of a write to a Subscription; empty for other types and the server's own writes. */
  private Optional<Caller> outsideCaller(IBaseResource resource, RequestDetails request) {
    if (!TYPE.equals(resource.fhirType()) || !Callers.fromOutside(request)) {
      return Optional.empty();
    }
    return callers.of(request);
  }

  private boolean readable(Caller caller, IBaseResource subscription) {
    return (isPlatform(caller, Interaction.READ) || isPlatform(caller, Interaction.SEARCH))
        && SubscriptionOwner.isOwnedBy(subscription, caller.clientId());
  }

  /**
   * A system client whose system/ scopes grant the interaction on Subscription (for operations,
   * any interaction). A user token's system/ scopes never count.
   */
  boolean isPlatform(Caller caller, Interaction interaction) {
    if (caller.fhirUser().isPresent()) {
      return false;
    }
    Stream<Interaction> needed = interaction == null ? Arrays.stream(Interaction.values()) : Stream.of(interaction);
    return needed.anyMatch(i -> caller.reach(TYPE, i) == Caller.Reach.ALL);
  }

  private void requirePlatform(Caller caller, Interaction interaction) {
    if (!isPlatform(caller, interaction)) {
      throw new ForbiddenOperationException(
          "Subscriptions are for system clients with a system/ Subscription scope; user tokens have no access to them");
    }
  }

  /** A missing, deleted or other client's Subscription: the same 404 for all three. */
  private void requireOwn(Caller caller, String idPart) {
    try {
      IBaseResource stored = daos.getResourceDao(TYPE).read(new IdType(TYPE, idPart), new SystemRequestDetails());
      if (SubscriptionOwner.isOwnedBy(stored, caller.clientId())) {
        return;
      }
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      // Answered below as for another client's.
    }
    throw notKnown(idPart);
  }

  private static void narrowToOwn(Caller caller, RequestDetails request) {
    Map<String, String[]> parameters = new HashMap<>(request.getParameters());
    String[] tags = parameters.getOrDefault(Constants.PARAM_TAG, new String[0]);
    String[] narrowed = Arrays.copyOf(tags, tags.length + 1);
    narrowed[tags.length] = SubscriptionOwner.searchValue(caller.clientId());
    parameters.put(Constants.PARAM_TAG, narrowed);
    request.setParameters(parameters);
  }

  static ResourceNotFoundException notKnown(String idPart) {
    return new ResourceNotFoundException("Resource " + TYPE + "/" + idPart + " is not known");
  }

  static ForbiddenOperationException conditionalRefused() {
    return new ForbiddenOperationException(
        "Conditional interactions on Subscriptions are refused: they would match other clients' Subscriptions");
  }

  /** The scope letter an interaction on Subscription needs; null for operations (any letter). */
  private static Interaction interactionOf(RestOperationTypeEnum operation) {
    return switch (operation) {
      case CREATE -> Interaction.CREATE;
      case UPDATE, PATCH -> Interaction.UPDATE;
      case DELETE -> Interaction.DELETE;
      case READ, VREAD, HISTORY_INSTANCE -> Interaction.READ;
      case SEARCH_TYPE, HISTORY_TYPE -> Interaction.SEARCH;
      default -> null;
    };
  }
}
