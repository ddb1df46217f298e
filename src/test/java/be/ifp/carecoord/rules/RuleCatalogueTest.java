package be.ifp.carecoord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue as a whole: ids, names, messages and sources are complete and unique. */
class RuleCatalogueTest {

  private static final Pattern ID = Pattern.compile("IFP-(ID|TM|CC|CM|CP)-\\d\\d");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  private final List<Rule> rules = RuleCatalogue.all();

  @Test
  void everyRule_hasAUniqueWellFormedIdAndName() {
    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.id()).matches(ID);
      assertThat(rule.name()).matches(NAME);
      assertThat(rule.check()).isNotBlank();
      assertThat(rule.source()).isNotBlank();
      assertThat(rule.focusTypes()).isNotEmpty();
      assertThat(rule.messages()).isNotEmpty();
    });
    assertThat(rules.stream().map(Rule::id).distinct()).hasSameSizeAs(rules);
    assertThat(rules.stream().map(Rule::name).distinct()).hasSameSizeAs(rules);
  }

  @Test
  void everyMessage_hasTheSamePlaceholdersInEveryLanguage() {
    for (Rule rule : rules) {
      for (Message message : rule.messages()) {
        Set<String> english = placeholders(message.template(Language.EN));
        for (Language language : Language.values()) {
          assertThat(message.template(language))
              .as("%s %s in %s", rule.id(), message.key(), language).isNotBlank();
          assertThat(placeholders(message.template(language)))
              .as("placeholders of %s %s in %s", rule.id(), message.key(), language)
              .isEqualTo(english);
        }
      }
    }
  }

  @Test
  void cardinalityRules_areTheOneCoordinatorAndOneCaseManagerRules() {
    assertThat(rules.stream().filter(Rule::isCardinalityRule).map(Rule::id))
        .containsExactlyInAnyOrder("IFP-TM-04", "IFP-CM-01");
  }

  @Test
  void codeSystem_hasAConceptPerRuleWithItsSeverities() {
    var codeSystem = RuleCatalogueCodeSystem.of(rules, "0.1.0", "2026-11-23");

    assertThat(codeSystem.getConcept()).hasSameSizeAs(rules);
    for (Rule rule : rules) {
      var concept = codeSystem.getConcept().stream()
          .filter(c -> c.getCode().equals(rule.id())).findFirst().orElseThrow();
      assertThat(concept.getDefinition()).isEqualTo(rule.check());
      for (Entity entity : Entity.values()) {
        assertThat(concept.getProperty().stream()
            .filter(p -> p.getCode().equals(RuleCatalogueCodeSystem.severityProperty(entity)))
            .map(p -> p.getValueCodeType().getCode()))
            .containsExactly(rule.defaultSeverities().of(entity).key());
      }
    }
  }

  private static Set<String> placeholders(String template) {
    return PLACEHOLDER.matcher(template).results().map(m -> m.group()).collect(Collectors.toSet());
  }
}
