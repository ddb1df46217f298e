package be.ifp.carecoord.security;

import be.ifp.carecoord.security.Caller.Kind;
import be.ifp.carecoord.security.Caller.Reach;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The access policy in one place: which kind of caller may do what to which kind of data, and how
 * far it reaches. <b>Deny by default</b>: a resource type not in {@link #DATA}, or an interaction
 * not in a caller kind's grant, is refused, whatever the token's scopes say. Scopes can only
 * narrow a grant further (a {@code user/*.rs} professional reads but does not write). docs/security.md
 * prints this table; {@code AccessPolicyTableTest} keeps the two the same.
 */
@Component
public class AccessPolicy {

  /** What a resource is to the people the server serves. */
  public enum DataKind {
    /** In a person's file: reached through the person (IFP-AC-01, -03). */
    PERSON_DATA,
    /** Who is in the person's team: changed by the person, their representative, the coordinator (IFP-AC-02). */
    CARE_TEAM,
    /** The person's own say: refusals and authorisations (written by the person, IFP-AC-02 kin). */
    CONSENT,
    /** The access log (IFP-AC-05): written by the server alone. */
    ACCESS_LOG,
    /** Who is who: professionals, their roles and organisations. */
    DIRECTORY,
    /** The IFP package: profiles, search parameters, terminology. */
    CONFORMANCE,
    /** Platform notification channels. */
    SUBSCRIPTION
  }

  /** The resource types the server serves, by kind; no other type is reachable by anyone. */
  public static final Map<DataKind, List<String>> DATA = data();

  private static Map<DataKind, List<String>> data() {
    Map<DataKind, List<String>> data = new EnumMap<>(DataKind.class);
    data.put(DataKind.PERSON_DATA, List.of("Patient", "RelatedPerson", "CarePlan", "Goal", "Condition",
        "EpisodeOfCare", "Observation", "QuestionnaireResponse"));
    data.put(DataKind.CARE_TEAM, List.of("CareTeam"));
    data.put(DataKind.CONSENT, List.of("Consent"));
    data.put(DataKind.ACCESS_LOG, List.of("AuditEvent"));
    data.put(DataKind.DIRECTORY, List.of("Practitioner", "PractitionerRole", "Organization"));
    data.put(DataKind.CONFORMANCE, List.of("StructureDefinition", "SearchParameter", "CodeSystem", "ValueSet",
        "NamingSystem", "ImplementationGuide", "ConceptMap", "OperationDefinition", "Questionnaire"));
    data.put(DataKind.SUBSCRIPTION, List.of("Subscription"));
    return data;
  }

  private static final Map<String, DataKind> KIND_OF_TYPE = DATA.entrySet().stream()
      .flatMap(e -> e.getValue().stream().map(type -> Map.entry(type, e.getKey())))
      .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  /**
   * How far a grant reaches: the caller's persons, the person's own access log, the caller's own
   * subscriptions, or everything of the type.
   */
  public enum Extent {
    PERSONS,
    OWN_EVENTS,
    OWN_SUBSCRIPTIONS,
    ALL
  }

  /** What a kind of caller may do to a kind of data; {@code condition} is said in the table. */
  public record Grant(Set<Interaction> interactions, Extent extent, String condition) {
    static final Grant NONE = new Grant(Set.of(), Extent.ALL, "");
  }

  private static final Set<Interaction> READING = EnumSet.of(Interaction.READ, Interaction.SEARCH);
  private static final Set<Interaction> ALL = EnumSet.allOf(Interaction.class);

  /** The table: per kind of data, per kind of caller. What is not here is refused. */
  public static final Map<DataKind, Map<Kind, Grant>> TABLE = table();

  private static Map<DataKind, Map<Kind, Grant>> table() {
    Map<DataKind, Map<Kind, Grant>> table = new EnumMap<>(DataKind.class);
    table.put(DataKind.PERSON_DATA, grants(
        Kind.PERSON, new Grant(ALL, Extent.PERSONS, "themselves"),
        Kind.CARER, new Grant(READING, Extent.PERSONS, "persons whose active Consent permits them (IFP-AC-03)"),
        Kind.PROFESSIONAL, new Grant(ALL, Extent.PERSONS,
            "persons whose active team or case management they are in, unless refused (IFP-AC-01); may register a new Patient"),
        Kind.PLATFORM, new Grant(ALL, Extent.ALL, "within the client's configured types and entity")));
    table.put(DataKind.CARE_TEAM, grants(
        Kind.PERSON, new Grant(ALL, Extent.PERSONS, "their own teams"),
        Kind.CARER, new Grant(ALL, Extent.PERSONS, "reads as permitted; writes only as the person's representative"),
        Kind.PROFESSIONAL, new Grant(ALL, Extent.PERSONS, "their persons' teams; members added by the coordinator only"),
        Kind.PLATFORM, new Grant(ALL, Extent.ALL, "")));
    table.put(DataKind.CONSENT, grants(
        Kind.PERSON, new Grant(ALL, Extent.PERSONS, "their own"),
        Kind.CARER, new Grant(ALL, Extent.PERSONS, "reads as permitted; writes only as the person's representative"),
        Kind.PROFESSIONAL, new Grant(ALL, Extent.PERSONS, "reads for the persons they reach; writes only as the person's representative"),
        Kind.PLATFORM, new Grant(ALL, Extent.ALL, "")));
    table.put(DataKind.ACCESS_LOG, grants(
        Kind.PERSON, new Grant(READING, Extent.OWN_EVENTS, "the events about themselves"),
        Kind.PLATFORM, new Grant(READING, Extent.ALL, "audit readers only: a scope naming AuditEvent itself")));
    table.put(DataKind.DIRECTORY, readByEveryUser(new Grant(ALL, Extent.ALL, "")));
    table.put(DataKind.CONFORMANCE, readByEveryUser(
        new Grant(ALL, Extent.ALL, "writes: administrators only (ifp.security.administrators)")));
    table.put(DataKind.SUBSCRIPTION, grants(
        Kind.PLATFORM, new Grant(ALL, Extent.OWN_SUBSCRIPTIONS, "the client's own")));
    return table;
  }

  /** Data every user reads in full (no person's), and platforms hold as the grant says. */
  private static Map<Kind, Grant> readByEveryUser(Grant platform) {
    Grant reading = new Grant(READING, Extent.ALL, "");
    return grants(Kind.PERSON, reading, Kind.CARER, reading, Kind.PROFESSIONAL, reading, Kind.OTHER_USER, reading,
        Kind.PLATFORM, platform);
  }

  private static Map<Kind, Grant> grants(Object... kindsAndGrants) {
    Map<Kind, Grant> grants = new LinkedHashMap<>();
    for (int i = 0; i < kindsAndGrants.length; i += 2) {
      grants.put((Kind) kindsAndGrants[i], (Grant) kindsAndGrants[i + 1]);
    }
    return grants;
  }

  private final SecurityProperties properties;

  AccessPolicy(SecurityProperties properties) {
    this.properties = properties;
  }

  public static Optional<DataKind> kindOf(String resourceType) {
    return Optional.ofNullable(KIND_OF_TYPE.get(resourceType));
  }

  /** Whether the server serves the type at all. */
  public static boolean served(String resourceType) {
    return KIND_OF_TYPE.containsKey(resourceType);
  }

  /**
   * How far the caller reaches for an interaction on a type: {@link Reach#NONE} when the table or
   * the token's scopes refuse it; {@link Reach#PERSONS} when it is limited to the caller's
   * persons (or, for the access log, the person's own events; for subscriptions, the client's
   * own); {@link Reach#ALL} otherwise.
   */
  public Reach reach(Caller caller, String resourceType, Interaction interaction) {
    Optional<DataKind> data = kindOf(resourceType);
    if (data.isEmpty() || caller.reach(resourceType, interaction) == Reach.NONE) {
      return Reach.NONE;
    }
    Grant grant = TABLE.get(data.get()).getOrDefault(caller.kind(), Grant.NONE);
    if (!grant.interactions().contains(interaction) || !meetsCondition(caller, data.get(), resourceType, interaction)) {
      return Reach.NONE;
    }
    // A client's own subscriptions are no person's data: subscriptions/ keeps clients to their own.
    return grant.extent() == Extent.PERSONS || grant.extent() == Extent.OWN_EVENTS ? Reach.PERSONS : Reach.ALL;
  }

  private boolean meetsCondition(Caller caller, DataKind data, String type, Interaction interaction) {
    if (caller.kind() != Kind.PLATFORM) {
      return true;
    }
    return switch (data) {
      case ACCESS_LOG -> caller.namesSystemScope(type, interaction);
      case CONFORMANCE -> READING.contains(interaction) || properties.administrators().contains(caller.clientId());
      default -> true;
    };
  }
}
