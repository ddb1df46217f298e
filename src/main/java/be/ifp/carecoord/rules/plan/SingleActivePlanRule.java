package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * IFP-CP-06: a person has one active care and support plan at a time. Written when a plan becomes
 * (or stays) active; the finding names each other plan of the person that is active now.
 */
final class SingleActivePlanRule extends CarePlanRule {

  SingleActivePlanRule() {
    super("IFP-CP-06", "single-active-plan",
        "A person has at most one active care-support-plan.",
        Severities.of("W W W W"),
        "001 L2263–2265",
        List.of(Message.key("second-active-plan")
            .en("The person {0} already has an active care and support plan, {1}: one plan should hold all goals and tasks; complete or revoke the other.")
            .nl("De persoon {0} heeft al een actief zorg- en ondersteuningsplan, {1}: één plan hoort alle doelen en taken te bevatten; sluit het andere af of trek het in.")
            .fr("La personne {0} a déjà un plan de soins et d'accompagnement actif, {1} : un seul plan devrait réunir tous les objectifs et toutes les tâches ; clôturez ou révoquez l'autre.")
            .de("Die Person {0} hat bereits einen aktiven Pflege- und Unterstützungsplan, {1}: Ein Plan sollte alle Ziele und Aufgaben enthalten; schließen Sie den anderen ab oder widerrufen Sie ihn.")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    String person = CarePlans.person(plan);
    if (person == null || !CarePlans.isActive(plan, context.now())) {
      return;
    }
    String self = References.of(plan);
    context.record().carePlansOf(person).stream()
        .filter(other -> !References.of(other).equals(self))
        .filter(CarePlans::isIfpPlan)
        .filter(other -> CarePlans.isActive(other, context.now()))
        .forEach(other -> context.report("second-active-plan", "CarePlan", person, References.of(other)));
  }
}
