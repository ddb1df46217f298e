package be.ifp.carecoord.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a REST interaction asks for, as the access policy judges it: a type, the scope letters of
 * which any one suffices, and whether only a platform (or only an administrator) may ask it at all.
 * Every kind of interaction HAPI tells apart is named here; one that is not is refused
 * ({@link #REFUSED}). Transactions and batches ask nothing themselves: each entry is judged as the
 * request it stands for.
 *
 * @param resourceType the type, or {@code *} for interactions across types
 * @param interactions any one of these letters suffices
 * @param audience who may ask it at all
 */
record RequestedAccess(String resourceType, Set<Interaction> interactions, Audience audience) {

  /** Who may ask for an interaction, before the policy table is consulted. */
  enum Audience {
    /** Nobody needs to be anyone: the CapabilityStatement, further pages of a search, bundles. */
    FREE,
    /** Any caller the policy table grants the letter on the type. */
    POLICY,
    /** Platforms only: it reaches across persons (type and system history, search across types…). */
    PLATFORM,
    /** Administrators only (ifp.security.administrators): maintenance operations. */
    ADMINISTRATOR,
    /** Nobody: an interaction the server does not offer through its API. */
    NOBODY
  }

  static final RequestedAccess REFUSED = new RequestedAccess(SmartScope.ANY_TYPE, Set.of(), Audience.NOBODY);

  /** Operations a user may call on a type or instance, and the letters each needs. */
  private static final Map<String, Set<Interaction>> USER_OPERATIONS = Map.of(
      "$validate", EnumSet.of(Interaction.CREATE, Interaction.UPDATE),
      "$import-belrai", EnumSet.of(Interaction.CREATE),
      "$meta", EnumSet.of(Interaction.READ),
      "$meta-add", EnumSet.of(Interaction.UPDATE),
      "$meta-delete", EnumSet.of(Interaction.UPDATE),
      "$expand", EnumSet.of(Interaction.READ),
      "$validate-code", EnumSet.of(Interaction.READ),
      "$lookup", EnumSet.of(Interaction.READ));

  /** Operations a platform may call beyond those, with the letter they need on the type. */
  private static final Map<String, Set<Interaction>> PLATFORM_OPERATIONS = Map.of(
      "$everything", EnumSet.of(Interaction.READ),
      "$get-resource-counts", EnumSet.of(Interaction.SEARCH));

  static RequestedAccess of(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == null) {
      return REFUSED;
    }
    String type = request.getResourceName() == null ? SmartScope.ANY_TYPE : request.getResourceName();
    return switch (operation) {
      case METADATA, GET_PAGE, TRANSACTION, BATCH -> new RequestedAccess(type, Set.of(), Audience.FREE);
      case CREATE -> policy(type, Interaction.CREATE);
      case UPDATE, PATCH -> policy(type, Interaction.UPDATE);
      case DELETE -> policy(type, Interaction.DELETE);
      case READ, VREAD, HISTORY_INSTANCE -> policy(type, Interaction.READ);
      case SEARCH_TYPE -> policy(type, Interaction.SEARCH);
      case SEARCH_SYSTEM, HISTORY_TYPE, HISTORY_SYSTEM ->
          new RequestedAccess(type, EnumSet.of(Interaction.SEARCH), Audience.PLATFORM);
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
          operation(operation, type, request.getOperation());
      case VALIDATE -> new RequestedAccess(type, USER_OPERATIONS.get("$validate"), Audience.POLICY);
      case META -> operation(operation, type, "$meta");
      case META_ADD -> operation(operation, type, "$meta-add");
      case META_DELETE -> operation(operation, type, "$meta-delete");
      default -> REFUSED;
    };
  }

  /**
   * A user's operation on a type or instance is judged by the policy; at server level (no type)
   * it reaches across types, so only platforms. A platform's own operations need a platform; the
   * rest (reindexing, expunging, triggering…) an administrator.
   */
  private static RequestedAccess operation(RestOperationTypeEnum operation, String type, String name) {
    boolean typed = operation != RestOperationTypeEnum.EXTENDED_OPERATION_SERVER && !SmartScope.ANY_TYPE.equals(type);
    Set<Interaction> letters = USER_OPERATIONS.get(name);
    if ("$validate".equals(name) && "Bundle".equals(type)) {
      // A bundle's entries may be about anyone: validating them together is a platform's check.
      return new RequestedAccess(type, letters, Audience.PLATFORM);
    }
    if (letters != null) {
      return new RequestedAccess(type, letters, typed ? Audience.POLICY : Audience.PLATFORM);
    }
    letters = PLATFORM_OPERATIONS.get(name);
    if (letters != null) {
      return new RequestedAccess(type, letters, Audience.PLATFORM);
    }
    return new RequestedAccess(type, EnumSet.allOf(Interaction.class), Audience.ADMINISTRATOR);
  }

  private static RequestedAccess policy(String type, Interaction interaction) {
    return new RequestedAccess(type, EnumSet.of(interaction), Audience.POLICY);
  }

  String describe() {
    StringBuilder letters = new StringBuilder();
    interactions.stream().sorted().forEach(i -> letters.append(i.letter()));
    return switch (audience) {
      case FREE -> "nothing";
      case POLICY -> resourceType + "." + letters;
      case PLATFORM -> "a platform (system/) scope " + resourceType + "." + letters;
      case ADMINISTRATOR -> "an administrator client (ifp.security.administrators)";
      case NOBODY -> "an interaction this server does not offer";
    };
  }
}
