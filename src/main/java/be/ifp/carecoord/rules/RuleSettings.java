package be.ifp.carecoord.rules;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The operator's choices the rules depend on (rules.md, "Severities", and the catalogue's
 * configurable points). Plain values, so that the rules also run outside the server.
 *
 * @param defaultEntity the entity for resources that name none
 * @param severityOverrides per rule id, per entity, the severity that replaces the default
 * @param maxReviewInterval IFP-CM-03: the longest a case-management episode may run before its
 *     next review
 * @param walCoordinatorProfessions IFP-TM-05 in Wallonia: the profession codes a reimbursable
 *     coordinator may have; empty means the eligible value sets
 * @param walCaseManagerProfessions IFP-CM-02 in Wallonia: the profession codes a case manager may
 *     have; empty means the health professions value set
 */
public record RuleSettings(
    Entity defaultEntity,
    Map<String, Map<Entity, Severity>> severityOverrides,
    Period maxReviewInterval,
    Set<String> walCoordinatorProfessions,
    Set<String> walCaseManagerProfessions) {

  /** The catalogue's defaults: Flanders, no overrides, six months, the value sets. */
  public static RuleSettings defaults() {
    return new RuleSettings(Entity.VL, Map.of(), Period.ofMonths(6), Set.of(), Set.of());
  }

  public RuleSettings {
    severityOverrides = Map.copyOf(severityOverrides);
    walCoordinatorProfessions = Set.copyOf(walCoordinatorProfessions);
    walCaseManagerProfessions = Set.copyOf(walCaseManagerProfessions);
  }

  /** The severity of {@code rule} for {@code entity}: the override if there is one, else the default. */
  public Severity severity(Rule rule, Entity entity) {
    Map<Entity, Severity> overrides = severityOverrides.get(rule.id());
    if (overrides != null && overrides.containsKey(entity)) {
      return overrides.get(entity);
    }
    return rule.defaultSeverities().of(entity);
  }

  /** Whether the rule is off for every entity, so that it need not run at all. */
  public boolean isOffEverywhere(Rule rule) {
    for (Entity entity : Entity.values()) {
      if (severity(rule, entity) != Severity.OFF) {
        return false;
      }
    }
    return true;
  }

  /** A copy with one more override, for tests and tools. */
  public RuleSettings withSeverity(String ruleId, Entity entity, Severity severity) {
    Map<String, Map<Entity, Severity>> copy = new java.util.HashMap<>(severityOverrides);
    Map<Entity, Severity> forRule = new EnumMap<>(Entity.class);
    forRule.putAll(copy.getOrDefault(ruleId, Map.of()));
    forRule.put(entity, severity);
    copy.put(ruleId, forRule);
    return new RuleSettings(defaultEntity, copy, maxReviewInterval, walCoordinatorProfessions,
        walCaseManagerProfessions);
  }
}
