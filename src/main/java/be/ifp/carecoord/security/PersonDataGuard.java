package be.ifp.carecoord.security;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.util.UrlUtil;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * IFP-AC-01 and its kin on every interaction of a caller whose scopes reach only some persons
 * (user/ and patient/ scopes; system/ scopes reach everyone):
 * <ul>
 *   <li>searches are narrowed to the caller's persons (HAPI's {@link SearchNarrowingInterceptor}
 *       adds the compartment parameter), so totals count only what the caller may see;
 *   <li>whatever storage hands out (reads, vreads, search matches, {@code _include}d and
 *       {@code _revinclude}d resources, history, pages) is dropped when it belongs to none of the
 *       caller's persons or its type is beyond the caller's scopes: a read then answers 404, as
 *       for a resource that does not exist;
 *   <li>a write must concern only the caller's persons (403 otherwise); updating, patching or
 *       deleting another person's resource answers 404;
 *   <li>what would reveal other persons' data without returning resources is refused (403):
 *       {@code _has}, searches across types, type and system history.
 * </ul>
 * A professional may create a Patient (registering a new person) and reads the directory
 * (Practitioner, PractitionerRole, Organization…) as far as the scopes allow.
 */
@Component
@Interceptor
class PersonDataGuard implements RestServerInterceptor {

  /** After {@link ScopeEnforcingInterceptor}: a request without the scope is refused as such. */
  private static final int AFTER_SCOPES = ScopeEnforcingInterceptor.BEFORE_OTHER_WRITE_HOOKS + 1;

  private static final Set<RestOperationTypeEnum> ACROSS_PERSONS = EnumSet.of(
      RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM);

  private final Callers callers;
  private final PersonAccess access;
  private final PersonData personData;
  private final DaoRegistry daos;
  private final ApplicationEventPublisher events;
  private final Narrowing narrowing = new Narrowing();

  PersonDataGuard(Callers callers, PersonAccess access, PersonData personData, DaoRegistry daos,
      ApplicationEventPublisher events) {
    this.callers = callers;
    this.access = access;
    this.personData = personData;
    this.daos = daos;
    this.events = events;
  }

  /** Narrows searches and conditional URLs before HAPI binds them (as HAPI's own interceptor does). */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = AFTER_SCOPES)
  public boolean narrow(RequestDetails request, jakarta.servlet.http.HttpServletRequest servletRequest,
      jakarta.servlet.http.HttpServletResponse servletResponse) {
    Optional<Caller> caller = callers.of(request);
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (caller.isEmpty() || operation == null || !limited(caller.get(), request)) {
      return true;
    }
    if (ACROSS_PERSONS.contains(operation)) {
      throw new ForbiddenOperationException(operation.getCode()
          + " reaches across persons: only system clients may use it");
    }
    if (request.getParameters().keySet().stream().anyMatch(name -> name.startsWith("_has"))) {
      throw new ForbiddenOperationException("_has reaches across persons: only system clients may use it");
    }
    narrowing.hookIncomingRequestPostProcessed(request, servletRequest, servletResponse);
    return true;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = AFTER_SCOPES)
  public void checkTarget(ServletRequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (caller.isEmpty() || operation == null) {
      return;
    }
    switch (operation) {
      case TRANSACTION, BATCH -> narrowSearchEntries(caller.get(), request);
      // History and operations of another person's resource answer as if it did not exist.
      case HISTORY_INSTANCE, EXTENDED_OPERATION_INSTANCE -> {
        if (limited(caller.get(), request)) {
          daos.getResourceDao(request.getResourceName()).read(request.getId().toUnqualifiedVersionless(), request);
        }
      }
      default -> { }
    }
  }

  /**
   * The searches among a transaction's or batch's GET entries, narrowed as a search is. (HAPI's
   * own bundle narrowing also rewrites reads, {@code CarePlan/1}, into searches of the caller's
   * persons; reads need no narrowing, storage drops what is not the caller's.)
   */
  private void narrowSearchEntries(Caller caller, ServletRequestDetails request) {
    if (!(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Bundle.BundleEntryRequestComponent entryRequest = entry.getRequest();
      if (entryRequest.getMethod() != Bundle.HTTPVerb.GET || !entryRequest.hasUrl()) {
        continue;
      }
      UrlUtil.UrlParts url = UrlUtil.parseUrl(entryRequest.getUrl());
      String type = url.getResourceType();
      if (type == null || url.getResourceId() != null || !personData.isPersonData(type)
          || caller.reach(type, Interaction.SEARCH) != Caller.Reach.PERSONS) {
        continue;
      }
      if (entryRequest.getUrl().contains("_has")) {
        throw new ForbiddenOperationException("_has reaches across persons: only system clients may use it");
      }
      String parameter = personData.compartmentParameter(type);
      List<String> values = personsOrNobody(caller, request).stream()
          .map(person -> "_id".equals(parameter) ? person.substring(person.indexOf('/') + 1) : person).toList();
      entryRequest.setUrl(entryRequest.getUrl() + (entryRequest.getUrl().contains("?") ? "&" : "?")
          + parameter + "=" + String.join(",", values));
    }
  }

  /**
   * The persons a search names that the caller reaches, each checked on its own: HAPI's narrowing
   * then refuses the search if it names anyone else, without the caller's whole list of persons
   * being worked out (a professional may be in thousands of teams).
   */
  private Set<String> reachableAmong(Caller caller, Set<String> named, RequestDetails request) {
    Set<String> reachable = named.stream().filter(person -> access.reaches(caller, person, request))
        .collect(Collectors.toSet());
    return reachable.isEmpty() ? Set.of("Patient/" + NOBODY) : reachable;
  }

  private Set<String> personsOrNobody(Caller caller, RequestDetails request) {
    Set<String> persons = access.personsFor(caller, request);
    // An empty list would narrow nothing: a person that cannot exist narrows to nothing.
    return persons.isEmpty() ? Set.of("Patient/" + NOBODY) : persons;
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void dropUnreachable(IPreResourceAccessDetails details, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource resource = details.getResource(i);
      if (!readable(caller.get(), resource, request)) {
        details.setDontReturnResourceAtIndex(i);
        events.publishEvent(new AccessRefused(caller.get(), request, Interaction.READ, resource));
      }
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_SCOPES)
  public void creating(IBaseResource resource, RequestDetails request) {
    if (!"Patient".equals(resource.fhirType())) {
      checkWritten(resource, Interaction.CREATE, request);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_SCOPES)
  public void updating(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    checkPrevious(previous, Interaction.UPDATE, request);
    checkWritten(resource, Interaction.UPDATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = AFTER_SCOPES)
  public void deleting(IBaseResource resource, RequestDetails request) {
    checkPrevious(resource, Interaction.DELETE, request);
  }

  private boolean readable(Caller caller, IBaseResource resource, RequestDetails request) {
    String type = resource.fhirType();
    Caller.Reach reach = widest(caller.reach(type, Interaction.READ), caller.reach(type, Interaction.SEARCH));
    return switch (reach) {
      case ALL -> true;
      case NONE -> false;
      case PERSONS -> !personData.isPersonData(type) || belongsToCallersPersons(caller, resource, request, false);
    };
  }

  private void checkPrevious(IBaseResource previous, Interaction interaction, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isPresent() && reachesPersonsOnly(caller.get(), previous.fhirType(), interaction)
        && !belongsToCallersPersons(caller.get(), previous, request, false)) {
      events.publishEvent(new AccessRefused(caller.get(), request, interaction, previous));
      throw new ResourceNotFoundException(previous.getIdElement().toUnqualifiedVersionless());
    }
  }

  private void checkWritten(IBaseResource resource, Interaction interaction, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isPresent() && reachesPersonsOnly(caller.get(), resource.fhirType(), interaction)
        && !belongsToCallersPersons(caller.get(), resource, request, true)) {
      throw new ForbiddenOperationException("This " + resource.fhirType()
          + " concerns a person whose care team or case management you are not part of");
    }
  }

  private boolean reachesPersonsOnly(Caller caller, String type, Interaction interaction) {
    return caller.reach(type, interaction) == Caller.Reach.PERSONS && personData.isPersonData(type);
  }

  /** Reading: one of its persons is the caller's. Writing: all of them are, and it has one. */
  private boolean belongsToCallersPersons(Caller caller, IBaseResource resource, RequestDetails request, boolean all) {
    Set<String> owners = personData.ownersOf(resource);
    return all ? !owners.isEmpty() && owners.stream().allMatch(owner -> access.reaches(caller, owner, request))
        : owners.stream().anyMatch(owner -> access.reaches(caller, owner, request));
  }

  /** Whether the request's own type is within reach of user/ or patient/ scopes only. */
  private static boolean limited(Caller caller, RequestDetails request) {
    String type = request.getResourceName() == null ? SmartScope.ANY_TYPE : request.getResourceName();
    for (Interaction interaction : Interaction.values()) {
      if (caller.reach(type, interaction) == Caller.Reach.ALL) {
        return false;
      }
    }
    return caller.scopes().stream().anyMatch(scope -> scope.context() != SmartScope.Context.SYSTEM);
  }

  private static Caller.Reach widest(Caller.Reach a, Caller.Reach b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** HAPI's search narrowing, fed with the caller's persons; called by the hooks above only. */
  private final class Narrowing extends SearchNarrowingInterceptor {
    @Override
    protected AuthorizedList buildAuthorizedList(RequestDetails request) {
      Optional<Caller> caller = callers.of(request);
      if (caller.isEmpty() || !limited(caller.get(), request)) {
        return null;
      }
      Set<String> named = personData.personsNamedBy(request);
      Set<String> persons = named.isEmpty() ? personsOrNobody(caller.get(), request)
          : reachableAmong(caller.get(), named, request);
      return new AuthorizedList().addCompartments(persons.toArray(String[]::new));
    }
  }

  /** Not a valid FHIR id (too long), so no stored Patient has it. */
  private static final String NOBODY = "nobody-" + "x".repeat(64);
}
