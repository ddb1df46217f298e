package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.Test;

class CarePlanRulesTest {

  @Test
  void rules_areListedInCatalogueOrder() {
    assertThat(CarePlanRules.all()).extracting(Rule::id).containsExactly(
        "IFP-CP-01", "IFP-CP-02", "IFP-CP-03", "IFP-CP-04",
        "IFP-CP-05", "IFP-CP-06", "IFP-CP-07", "IFP-CP-08");
  }

  @Test
  void rules_focusOnCarePlansAndAreRecheckedOnlyWhenThePlanIsWritten() {
    for (Rule rule : CarePlanRules.all()) {
      assertThat(rule.focusTypes()).as(rule.id()).isEqualTo(Set.of("CarePlan"));
      assertThat(rule.recheckedOn()).as(rule.id()).isEmpty();
      assertThat(rule.isCardinalityRule()).as(rule.id()).isFalse();
    }
  }

  @Test
  void mariasPlan_passesEveryRuleAtTheDefaultMoment() {
    RuleHarness harness = RuleHarness.withExamples();
    for (Rule rule : CarePlanRules.all()) {
      assertThat(harness.write(rule, mariasPlan())).as(rule.id()).isEmpty();
    }
  }

  @Test
  void carePlanOfAnotherCategory_isNotAnIfpPlan() {
    RuleHarness harness = RuleHarness.withExamples();
    CarePlan dischargePlan = mariasPlan();
    dischargePlan.setId("discharge-plan");
    dischargePlan.getCategory().clear();
    dischargePlan.addCategory().addCoding().setSystem("http://snomed.info/sct").setCode("736353004");
    dischargePlan.getGoal().clear();
    dischargePlan.getContributor().clear();
    dischargePlan.getExtension().clear();
    dischargePlan.getActivity().get(0).getDetail().getPerformer().clear();
    for (Rule rule : CarePlanRules.all()) {
      assertThat(harness.write(rule, dischargePlan)).as(rule.id()).isEmpty();
    }
  }
}
