package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns {@code ifp.rules.*} into {@link RuleSettings}, and refuses to start on a setting that
 * names an unknown rule, entity or severity: a typo must not silently leave a rule at its default.
 */
final class RuleSettingsFactory {

  private RuleSettingsFactory() {}

  static RuleSettings from(RulesProperties properties, List<Rule> catalogue) {
    Set<String> ruleIds = catalogue.stream().map(Rule::id).collect(Collectors.toSet());
    Map<String, Map<Entity, Severity>> overrides = new HashMap<>();
    properties.severity().forEach((ruleKey, byEntity) -> {
      String ruleId = ruleKey.toUpperCase(Locale.ROOT);
      if (!ruleIds.contains(ruleId)) {
        throw invalid("ifp.rules.severity." + ruleKey, "no rule has this id; the rules are "
            + catalogue.stream().map(Rule::id).collect(Collectors.joining(", ")));
      }
      Map<Entity, Severity> severities = new EnumMap<>(Entity.class);
      byEntity.forEach((entityKey, severity) -> severities.put(
          entity("ifp.rules.severity." + ruleKey + "." + entityKey, entityKey),
          severity("ifp.rules.severity." + ruleKey + "." + entityKey, severity)));
      overrides.put(ruleId, severities);
    });
    return new RuleSettings(
        properties.defaultEntity(),
        overrides,
        properties.caseManagement().maxReviewInterval(),
        professionCodes(properties.wal().coordinatorProfessions()),
        professionCodes(properties.wal().caseManagerProfessions()));
  }

  private static Entity entity(String key, String value) {
    try {
      return Entity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(key, "'" + value + "' is not an entity; use one of "
          + Arrays.toString(Entity.values()));
    }
  }

  private static Severity severity(String key, String value) {
    for (Severity severity : Severity.values()) {
      if (severity.key().equalsIgnoreCase(value.trim())) {
        return severity;
      }
    }
    throw invalid(key, "'" + value + "' is not a severity; use error, warning or off");
  }

  private static Set<String> professionCodes(List<String> codes) {
    return new HashSet<>(codes.stream().map(String::trim).filter(c -> !c.isEmpty()).toList());
  }

  private static IllegalStateException invalid(String key, String reason) {
    return new IllegalStateException("Invalid IFP rule configuration " + key + ": " + reason);
  }
}
