package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What scope letter a REST interaction needs, on which resource type ({@code *}: every type).
 * Transactions and batches need nothing themselves: each entry is checked as the request it
 * stands for (reads when HAPI runs them, writes at the storage layer). The CapabilityStatement and
 * further pages of a search need no scope (a page holds only what the search may return).
 *
 * @param resourceType the type, or {@code *}
 * @param interactions any one of these suffices
 * @param systemOnly only a system/ scope will do (operations that reach across persons)
 */
record RequiredScope(String resourceType, Set<Interaction> interactions, boolean systemOnly) {

  private static final Set<RestOperationTypeEnum> FREE = EnumSet.of(
      RestOperationTypeEnum.METADATA, RestOperationTypeEnum.GET_PAGE,
      RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);

  /** Operations a user may call, and the letter each needs; every other operation is system-only. */
  private static final Map<String, Set<Interaction>> USER_OPERATIONS = Map.of(
      "$validate", EnumSet.of(Interaction.CREATE, Interaction.UPDATE),
      "$import-belrai", EnumSet.of(Interaction.CREATE),
      "$meta", EnumSet.of(Interaction.READ),
      "$meta-add", EnumSet.of(Interaction.UPDATE),
      "$meta-delete", EnumSet.of(Interaction.UPDATE),
      "$expand", EnumSet.of(Interaction.READ),
      "$validate-code", EnumSet.of(Interaction.READ),
      "$lookup", EnumSet.of(Interaction.READ));

  /** The scope the request needs; empty when it needs none. */
  static Optional<RequiredScope> of(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == null || FREE.contains(operation)) {
      return Optional.empty();
    }
    String type = request.getResourceName() == null ? SmartScope.ANY_TYPE : request.getResourceName();
    return Optional.of(switch (operation) {
      case CREATE -> one(type, Interaction.CREATE);
      case UPDATE, PATCH -> one(type, Interaction.UPDATE);
      case DELETE -> one(type, Interaction.DELETE);
      case READ, VREAD, HISTORY_INSTANCE -> one(type, Interaction.READ);
      case SEARCH_TYPE, SEARCH_SYSTEM, HISTORY_TYPE, HISTORY_SYSTEM -> one(type, Interaction.SEARCH);
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> operation(type, request.getOperation());
      default -> systemOnlyNeed();
    });
  }

  private static RequiredScope operation(String type, String name) {
    Set<Interaction> letters = USER_OPERATIONS.get(name);
    return letters == null ? systemOnlyNeed() : new RequiredScope(type, letters, false);
  }

  private static RequiredScope one(String type, Interaction interaction) {
    return new RequiredScope(type, EnumSet.of(interaction), false);
  }

  private static RequiredScope systemOnlyNeed() {
    return new RequiredScope(SmartScope.ANY_TYPE, EnumSet.allOf(Interaction.class), true);
  }

  /** The widest reach the caller has for this need. */
  Caller.Reach reachOf(Caller caller) {
    if (systemOnly) {
      for (Interaction interaction : interactions) {
        if (caller.reach(resourceType, interaction) != Caller.Reach.ALL) {
          return Caller.Reach.NONE;
        }
      }
      return Caller.Reach.ALL;
    }
    Caller.Reach widest = Caller.Reach.NONE;
    for (Interaction interaction : interactions) {
      Caller.Reach reach = caller.reach(resourceType, interaction);
      if (reach.compareTo(widest) > 0) {
        widest = reach;
      }
    }
    return widest;
  }

  String describe() {
    StringBuilder letters = new StringBuilder();
    interactions.stream().sorted().forEach(i -> letters.append(i.letter()));
    return (systemOnly ? "system/" : "") + resourceType + "." + letters;
  }
}
