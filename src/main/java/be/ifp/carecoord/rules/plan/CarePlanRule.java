package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Resource;

/**
 * A rule of group IFP-CP: it checks CarePlans, and only IFP care and support plans
 * ({@link CarePlans#isIfpPlan}); other CarePlans pass untouched. The plan is re-checked whenever it
 * is written, so no other type re-checks it.
 */
abstract class CarePlanRule extends Rule {

  CarePlanRule(
      String id, String name, String check, Severities severities, String source,
      List<Message> messages) {
    super(id, name, check, severities, source, messages);
  }

  @Override
  public final Set<String> focusTypes() {
    return Set.of("CarePlan");
  }

  @Override
  public final void check(Resource focus, RuleContext context) {
    CarePlan plan = (CarePlan) focus;
    if (CarePlans.isIfpPlan(plan)) {
      checkPlan(plan, context);
    }
  }

  /** Checks one IFP care and support plan. */
  abstract void checkPlan(CarePlan plan, RuleContext context);
}
