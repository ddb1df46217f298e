package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Extension;

/**
 * IFP-CP-05: an active plan says when it will next be reviewed, and that date has not passed. The
 * review date covers its whole day: a plan to be reviewed today is not late.
 */
final class PlanReviewDateRule extends CarePlanRule {

  PlanReviewDateRule() {
    super("IFP-CP-05", "plan-review-date",
        "An active plan has next-review, not in the past.",
        Severities.of("W W W W"),
        "001 L1476, L2151–2153",
        List.of(
            Message.key("no-next-review")
                .en("The active plan has no next review date: record when the plan will be reviewed with the person and the team.")
                .nl("Het actieve plan heeft geen datum voor de volgende evaluatie: leg vast wanneer het plan met de persoon en het team herbekeken wordt.")
                .fr("Le plan actif n'a pas de date de prochaine évaluation : indiquez quand le plan sera réévalué avec la personne et l'équipe.")
                .de("Der aktive Plan hat kein Datum für die nächste Überprüfung: Erfassen Sie, wann der Plan mit der Person und dem Team überprüft wird."),
            Message.key("next-review-past")
                .en("The plan's next review date {0} has passed: review the plan and set a new date.")
                .nl("De datum voor de volgende evaluatie van het plan ({0}) is voorbij: evalueer het plan en leg een nieuwe datum vast.")
                .fr("La date de prochaine évaluation du plan ({0}) est dépassée : réévaluez le plan et fixez une nouvelle date.")
                .de("Das Datum der nächsten Überprüfung des Plans ({0}) ist überschritten: Überprüfen Sie den Plan und legen Sie ein neues Datum fest.")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    if (!CarePlans.isActive(plan, context.now())) {
      return;
    }
    List<Extension> extensions = plan.getExtension();
    for (int i = 0; i < extensions.size(); i++) {
      Extension extension = extensions.get(i);
      if (!IfpData.NEXT_REVIEW.equals(extension.getUrl())) {
        continue;
      }
      if (extension.getValue() instanceof BaseDateTimeType date && date.getValue() != null
          && Periods.upperBound(date) <= context.now().toEpochMilli()) {
        context.report("next-review-past", "CarePlan.extension[" + i + "]", date.getValueAsString());
      }
      return;
    }
    context.report("no-next-review", "CarePlan");
  }
}
