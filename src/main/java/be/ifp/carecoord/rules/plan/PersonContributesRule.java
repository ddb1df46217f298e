package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * IFP-CP-08: the plan is made with the person: they, or one of their RelatedPersons (informal
 * carer, representative), are among its contributors.
 */
final class PersonContributesRule extends CarePlanRule {

  PersonContributesRule() {
    super("IFP-CP-08", "person-contributes",
        "The Patient or one of their RelatedPersons is a contributor.",
        Severities.of("W W W W"),
        "001 L2047–2051",
        List.of(Message.key("person-not-contributor")
            .en("Neither the person {0} nor their informal carer or representative is a contributor of the plan: the plan is drawn up together with the person.")
            .nl("Noch de persoon {0}, noch de mantelzorger of vertegenwoordiger heeft aan het plan meegewerkt: het plan wordt samen met de persoon opgesteld.")
            .fr("Ni la personne {0}, ni son aidant proche ou représentant ne figure parmi les contributeurs du plan : le plan est établi avec la personne.")
            .de("Weder die Person {0} noch ihre informelle Pflegeperson oder ihr Vertreter wirkt am Plan mit: Der Plan wird gemeinsam mit der Person erstellt.")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    String person = CarePlans.person(plan);
    if (person != null && plan.getContributor().stream()
        .noneMatch(c -> CarePlans.isPersonOrTheirs(c, person, context.record()))) {
      context.report("person-not-contributor", "CarePlan.contributor", person);
    }
  }
}
