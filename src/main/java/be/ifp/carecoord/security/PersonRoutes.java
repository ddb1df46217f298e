package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletSubRequestDetails;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The routes by which a user (anyone but a platform) could learn about persons outside their
 * reach without being handed their resources, each refused (403) whatever the type it starts from:
 * <ul>
 *   <li>search parameters that look into other resources: {@code _has} (reverse chains), chains
 *       ({@code focus:Patient.name}, {@code subject.identifier}), {@code _filter}, {@code _query},
 *       {@code _list}, {@code _contained}, full-text search, and sorting by a chain: a count or the
 *       mere presence of a match answers a question about another person;
 *   <li>conditional writes (If-None-Exist, or a URL with a query on PUT, PATCH and DELETE): whether
 *       they match tells what exists; they are platform tools;
 *   <li>a search of a person's data that is not narrowed to the caller's persons, where HAPI runs it
 *       as a sub-request of a batch (the entry's URL was narrowed before, see
 *       {@link BundleEntryAccess}; an entry that escaped that is refused here).
 * </ul>
 */
@Component
class PersonRoutes {

  private static final Set<String> LOOKING_ELSEWHERE = Set.of(
      Constants.PARAM_FILTER, "_query", "_list", "_contained", "_containedType", Constants.PARAM_TEXT,
      Constants.PARAM_CONTENT);

  private final AccessPolicy policy;
  private final PersonData personData;
  private final PersonReach reach;

  PersonRoutes(AccessPolicy policy, PersonData personData, PersonReach reach) {
    this.policy = policy;
    this.personData = personData;
    this.reach = reach;
  }

  void check(RequestDetails request) {
    refuseLookingElsewhere(request.getParameters());
    refuseConditional(request);
  }

  /** For a search given by its parameters (a bundle entry's URL). */
  static void refuseLookingElsewhere(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (name.startsWith(Constants.PARAM_HAS) || name.contains(".") || LOOKING_ELSEWHERE.contains(name)) {
        throw new ForbiddenOperationException("The search parameter " + name
            + " looks into other resources and may reach other persons' data: only platforms may use it");
      }
      if (Constants.PARAM_SORT.equals(name)) {
        for (String value : parameter.getValue()) {
          if (value.contains(".")) {
            throw new ForbiddenOperationException("Sorting by a chain may reach other persons' data: only platforms may use it");
          }
        }
      }
    }
  }

  private static void refuseConditional(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    boolean conditional = switch (operation) {
      case CREATE -> request.getHeader(Constants.HEADER_IF_NONE_EXIST) != null
          && !request.getHeader(Constants.HEADER_IF_NONE_EXIST).isBlank();
      case UPDATE, PATCH, DELETE -> request.getConditionalUrl(operation) != null;
      default -> false;
    };
    if (conditional) {
      throw conditionalRefused();
    }
  }

  static ForbiddenOperationException conditionalRefused() {
    return new ForbiddenOperationException("Conditional writes (If-None-Exist, or a search URL on PUT, PATCH and"
        + " DELETE) tell what exists across persons: only platforms may use them");
  }

  /**
   * A search of a person's data that HAPI runs inside a batch or transaction must name only the
   * caller's persons: the entry's URL was narrowed before the bundle ran; whatever escaped that is
   * refused rather than run over everyone.
   */
  void checkNarrowed(Caller caller, RequestDetails request) {
    String type = request.getResourceName();
    if (!(request instanceof ServletSubRequestDetails)
        || policy.reach(caller, type, Interaction.SEARCH) != Caller.Reach.PERSONS) {
      return;
    }
    Set<String> named = personData.personsNamedBy(request);
    boolean narrowed = !named.isEmpty() && named.stream().allMatch(person -> PersonReach.NOBODY.equals(person)
        || reach.reaches(caller, person, type, Interaction.SEARCH, request));
    if (!narrowed) {
      throw new ForbiddenOperationException("This search names persons outside your care teams, or none: searches"
          + " of a person's data are narrowed to the persons you reach");
    }
  }
}
