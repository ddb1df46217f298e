package be.ifp.carecoord.rules.plan;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static be.ifp.carecoord.rules.plan.PlanExamples.mariasPlan;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

class PersonContributesRuleTest {

  private final PersonContributesRule rule = new PersonContributesRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void mariasPlanWithMariaAndHerDaughter_passes() {
    assertThat(harness.write(rule, mariasPlan())).isEmpty();
  }

  @Test
  void onlyTheDaughterContributes_passes() {
    CarePlan plan = mariasPlan();
    plan.getContributor().remove(0);

    assertThat(harness.write(rule, plan)).isEmpty();
  }

  @Test
  void onlyProfessionalsContribute_isWarned() {
    CarePlan plan = mariasPlan();
    plan.getContributor().subList(0, 2).clear();

    List<Finding> findings = harness.write(rule, plan);

    assertThat(keys(findings)).containsExactly("person-not-contributor");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("CarePlan.contributor");
    assertThat(findings.get(0).arguments()).containsExactly("Patient/maria");
  }

  @Test
  void relativeOfAnotherPerson_doesNotCount() {
    RelatedPerson son = example("RelatedPerson-daughter-informal-carer");
    son.setId("jozefs-son");
    son.setPatient(new Reference("Patient/jozef"));
    harness.store(son);
    CarePlan plan = mariasPlan();
    plan.getContributor().subList(0, 2).clear();
    plan.addContributor(new Reference("RelatedPerson/jozefs-son"));

    assertThat(keys(harness.write(rule, plan))).containsExactly("person-not-contributor");
  }

  @Test
  void warningExample_personNotContributing_isReportedAtContributor() {
    assertThat(PlanExamples.bundleExpressions(harness, rule,
        "warning/Bundle-ifp-cp-08-person-not-contributing"))
        .containsExactly("Bundle.entry[0].resource.contributor");
  }
}
