package be.ifp.carecoord.rules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleCatalogue;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.rules.Severity;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSettingsFactoryTest {

  private static RulesProperties properties(Map<String, Map<String, String>> severity) {
    return new RulesProperties(true, Entity.VL, Language.EN, severity,
        new RulesProperties.CaseManagement(Period.ofMonths(3)),
        new RulesProperties.Wallonia(List.of(" 40 "), List.of()));
  }

  @Test
  void overrides_replaceTheDefaultForThatRuleAndEntityOnly() {
    RuleSettings settings = RuleSettingsFactory.from(
        properties(Map.of("ifp-tm-03", Map.of("wal", "Error"))), RuleCatalogue.all());
    var rule = RuleCatalogue.all().stream().filter(r -> r.id().equals("IFP-TM-01")).findFirst().orElseThrow();

    assertThat(settings.severityOverrides()).containsEntry("IFP-TM-03", Map.of(Entity.WAL, Severity.ERROR));
    assertThat(settings.severity(rule, Entity.WAL)).isEqualTo(Severity.ERROR);
    assertThat(settings.maxReviewInterval()).isEqualTo(Period.ofMonths(3));
    assertThat(settings.walCoordinatorProfessions()).containsExactly("40");
  }

  @Test
  void unknownRule_stopsStartUpNamingTheKey() {
    assertThatThrownBy(() -> RuleSettingsFactory.from(
        properties(Map.of("IFP-TM-99", Map.of("VL", "off"))), RuleCatalogue.all()))
        .hasMessageContaining("ifp.rules.severity.IFP-TM-99").hasMessageContaining("no rule has this id");
  }

  @Test
  void unknownEntity_stopsStartUp() {
    assertThatThrownBy(() -> RuleSettingsFactory.from(
        properties(Map.of("IFP-TM-01", Map.of("FED", "off"))), RuleCatalogue.all()))
        .hasMessageContaining("ifp.rules.severity.IFP-TM-01.FED").hasMessageContaining("not an entity");
  }

  @Test
  void unknownSeverity_stopsStartUp() {
    assertThatThrownBy(() -> RuleSettingsFactory.from(
        properties(Map.of("IFP-TM-01", Map.of("VL", "fatal"))), RuleCatalogue.all()))
        .hasMessageContaining("'fatal' is not a severity");
  }
}
