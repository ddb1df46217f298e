package be.ifp.carecoord.security;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * IFP-AC-01 and its kin, for what the {@link AccessPolicy} grants a caller only for their persons
 * (users; platforms reach everyone):
 * <ul>
 *   <li>searches are narrowed to the caller's persons (HAPI's {@link SearchNarrowingInterceptor}
 *       adds the compartment parameter), so totals count only what the caller may see;
 *   <li>whatever storage hands out (reads, vreads, search matches, {@code _include}d and
 *       {@code _revinclude}d resources, history, pages) is dropped unless the caller may see it:
 *       its type is readable to them and, where that is limited, one of its persons is theirs. A
 *       read then answers 404, as for a resource that does not exist;
 *   <li>a write must concern only the caller's persons (403 otherwise); changing another person's
 *       resource answers 404.
 * </ul>
 * A professional may create a Patient (registering a new person); nobody else among users may.
 */
@Component
@Interceptor
class PersonDataGuard implements RestServerInterceptor {

  /** After {@link AccessGate}: a request the policy refuses is refused as such. */
  private static final int AFTER_GATE = AccessGate.FIRST + 1;

  private final Callers callers;
  private final AccessPolicy policy;
  private final PersonReach reach;
  private final PersonData personData;
  private final ReferencedResources references;
  private final PersonInControl control;
  private final ApplicationEventPublisher events;
  private final Narrowing narrowing = new Narrowing();

  PersonDataGuard(Callers callers, AccessPolicy policy, PersonReach reach, PersonData personData,
      ReferencedResources references, PersonInControl control, ApplicationEventPublisher events) {
    this.callers = callers;
    this.policy = policy;
    this.reach = reach;
    this.personData = personData;
    this.references = references;
    this.control = control;
    this.events = events;
  }

  /** Narrows searches before HAPI binds them (as HAPI's own interceptor does). */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = AFTER_GATE)
  public boolean narrow(RequestDetails request, jakarta.servlet.http.HttpServletRequest servletRequest,
      jakarta.servlet.http.HttpServletResponse servletResponse) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty() || request.getRestOperationType() == null || !limited(caller.get(), request)) {
      return true;
    }
    narrowing.hookIncomingRequestPostProcessed(request, servletRequest, servletResponse);
    return true;
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void dropUnreachable(IPreResourceAccessDetails details, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty()) {
      return;
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource resource = details.getResource(i);
      if (!reach.readable(caller.get(), resource, request)) {
        details.setDontReturnResourceAtIndex(i);
        events.publishEvent(new AccessRefused(caller.get(), request, Interaction.READ, resource));
      }
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_GATE)
  public void creating(IBaseResource resource, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isPresent() && "Patient".equals(resource.fhirType()) && limitedFor(caller.get(), resource, Interaction.CREATE)) {
      // Registering a new person: nobody reaches them yet; only a professional may.
      if (caller.get().kind() != Caller.Kind.PROFESSIONAL) {
        throw new ForbiddenOperationException("Only professionals and platforms register new persons");
      }
      references.requireVisible(caller.get(), resource, Interaction.CREATE, request);
      return;
    }
    checkWritten(resource, Interaction.CREATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_GATE)
  public void updating(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    checkPrevious(previous, Interaction.UPDATE, request);
    checkWritten(resource, Interaction.UPDATE, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = AFTER_GATE)
  public void deleting(IBaseResource resource, RequestDetails request) {
    checkPrevious(resource, Interaction.DELETE, request);
  }

  private void checkPrevious(IBaseResource previous, Interaction interaction, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty() || !limitedFor(caller.get(), previous, interaction)) {
      return;
    }
    if (!reach.readable(caller.get(), previous, request)) {
      events.publishEvent(new AccessRefused(caller.get(), request, interaction, previous));
      throw UniformNotFound.of(previous.fhirType(), previous.getIdElement().getIdPart());
    }
    requireRepresentativeIfCarer(caller.get(), previous);
  }

  /**
   * IFP-AC-03: an informal carer reads; the policy lets carers write only teams and consents, and
   * only where the carer is the person's representative (decided from the stored teams). Consents
   * are judged by {@link ConsentAuthorship}; a team's other edits (its name, notes) here.
   */
  private void requireRepresentativeIfCarer(Caller caller, IBaseResource resource) {
    if (caller.kind() == Caller.Kind.CARER && "CareTeam".equals(resource.fhirType())
        && !personData.ownersOf(resource).stream().allMatch(person -> control.decidesFor(caller, person))) {
      throw new ForbiddenOperationException("IFP-AC-03: informal carers read the person's data; only the person's"
          + " representative changes their team and consents");
    }
  }

  private void checkWritten(IBaseResource resource, Interaction interaction, RequestDetails request) {
    Optional<Caller> caller = callers.of(request);
    if (caller.isEmpty() || !limitedFor(caller.get(), resource, interaction)) {
      return;
    }
    if (!reach.concernsOnlyTheirs(caller.get(), resource, interaction, request)) {
      throw new ForbiddenOperationException("This " + resource.fhirType()
          + " concerns a person whose care team or case management you are not part of");
    }
    requireRepresentativeIfCarer(caller.get(), resource);
    references.requireVisible(caller.get(), resource, interaction, request);
  }

  private boolean limitedFor(Caller caller, IBaseResource resource, Interaction interaction) {
    return policy.reach(caller, resource.fhirType(), interaction) == Caller.Reach.PERSONS;
  }

  /** Whether searching the request's type is limited to the caller's persons. */
  private boolean limited(Caller caller, RequestDetails request) {
    String type = request.getResourceName();
    return type != null && policy.reach(caller, type, Interaction.SEARCH) == Caller.Reach.PERSONS;
  }

  /** HAPI's search narrowing, fed with the caller's persons; called by the hooks above only. */
  private final class Narrowing extends SearchNarrowingInterceptor {
    @Override
    protected AuthorizedList buildAuthorizedList(RequestDetails request) {
      Optional<Caller> caller = callers.of(request);
      if (caller.isEmpty() || !limited(caller.get(), request)) {
        return null;
      }
      String type = request.getResourceName();
      Set<String> named = personData.personsNamedBy(request);
      Set<String> persons = named.isEmpty() ? reach.personsFor(caller.get(), type, request)
          : reachableAmong(caller.get(), type, named, request);
      return new AuthorizedList().addCompartments(persons.toArray(String[]::new));
    }
  }

  /**
   * The persons a search names that the caller reaches, each checked on its own: HAPI's narrowing
   * then refuses the search if it names anyone else, without the caller's whole list of persons
   * being worked out (a professional may be in thousands of teams).
   */
  private Set<String> reachableAmong(Caller caller, String type, Set<String> named, RequestDetails request) {
    Set<String> reachable = named.stream()
        .filter(person -> reach.reaches(caller, person, type, Interaction.SEARCH, request))
        .collect(Collectors.toSet());
    return reachable.isEmpty() ? Set.of(PersonReach.NOBODY) : reachable;
  }
}
