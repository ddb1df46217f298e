package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasConsent;
import static be.ifp.carecoord.rules.casemanagement.CaseManagementFixtures.mariasEpisode;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseManagementRulesTest {

  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void rulesAreListedInCatalogueOrder() {
    assertThat(CaseManagementRules.all()).extracting(Rule::id).containsExactly(
        "IFP-CM-01", "IFP-CM-02", "IFP-CM-03", "IFP-CM-04",
        "IFP-CM-05", "IFP-CM-06", "IFP-CM-07", "IFP-CM-08");
  }

  @Test
  void everyRuleChecksEpisodesAndOnlyTheFirstIsACardinalityRule() {
    List<Rule> rules = CaseManagementRules.all();

    assertThat(rules).allSatisfy(rule -> assertThat(rule.focusTypes()).containsExactly("EpisodeOfCare"));
    assertThat(rules).filteredOn(Rule::isCardinalityRule).extracting(Rule::id)
        .containsExactly("IFP-CM-01");
    assertThat(rules).filteredOn(rule -> !rule.recheckedOn().isEmpty()).extracting(Rule::id)
        .containsExactly("IFP-CM-05");
  }

  @Test
  void everyMessageHasItsPlaceholdersInEveryLanguage() {
    for (Rule rule : CaseManagementRules.all()) {
      rule.messages().forEach(message -> {
        for (Language language : Language.values()) {
          for (int i = 0; i < 5; i++) {
            String placeholder = "{" + i + "}";
            assertThat(message.template(language).contains(placeholder))
                .as("%s %s %s %s", rule.id(), message.key(), language, placeholder)
                .isEqualTo(message.template(Language.EN).contains(placeholder));
          }
        }
      });
    }
  }

  @Test
  void mariasEpisodeAndConsent_passEveryRule() {
    for (Rule rule : CaseManagementRules.all()) {
      assertThat(harness.write(rule, mariasEpisode())).as(rule.id()).isEmpty();
      assertThat(harness.write(rule, mariasConsent())).as(rule.id()).isEmpty();
    }
  }
}
