package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;

/**
 * IFP-CP-04: every task of the plan is assigned, to someone of the person's circle. An activity
 * without a performer is an error; a performer who is neither a participant of the plan's team (the
 * same individual), nor the person, nor one of their RelatedPersons is only a warning. Activities
 * that point to a separate request ({@code activity.reference}, no {@code detail}) carry their
 * performer there and are not checked, as in the profile's invariant {@code ifp-cp-04}.
 */
final class ActivitiesAssignedRule extends CarePlanRule {

  ActivitiesAssignedRule() {
    super("IFP-CP-04", "tasks-assigned",
        "Every activity has at least one performer (error); a performer that is neither a team "
            + "participant nor the Patient or one of their RelatedPersons is a warning.",
        Severities.of("E E E E"),
        "003 L2338–2342",
        List.of(
            Message.key("activity-without-performer")
                .en("Activity \"{0}\" has no performer: assign it to a member of the team, the person or their informal carer.")
                .nl("Activiteit \"{0}\" heeft geen uitvoerder: wijs ze toe aan een lid van het team, de persoon of de mantelzorger.")
                .fr("L'activité « {0} » n'a pas d'exécutant : attribuez-la à un membre de l'équipe, à la personne ou à son aidant proche.")
                .de("Die Aktivität „{0}“ hat keine ausführende Person: Weisen Sie sie einem Teammitglied, der Person oder ihrer informellen Pflegeperson zu."),
            Message.key("performer-outside-team")
                .en("Activity \"{0}\" is assigned to {1}, who is neither a participant of the team {2} nor the person or someone close to them.")
                .nl("Activiteit \"{0}\" is toegewezen aan {1}, die geen deelnemer is van het team {2} en ook niet de persoon zelf of iemand uit diens naaste omgeving.")
                .fr("L'activité « {0} » est attribuée à {1}, qui n'est ni membre de l'équipe {2}, ni la personne elle-même ou un de ses proches.")
                .de("Die Aktivität „{0}“ ist {1} zugewiesen, die weder Mitglied des Teams {2} noch die Person selbst oder eine ihr nahestehende Person ist.")));
  }

  @Override
  void checkPlan(CarePlan plan, RuleContext context) {
    String person = CarePlans.person(plan);
    List<CareTeam> teams = CarePlans.teams(plan, context.record());
    Individuals individuals = context.individuals();
    List<CarePlanActivityComponent> activities = plan.getActivity();
    for (int i = 0; i < activities.size(); i++) {
      if (!activities.get(i).hasDetail()) {
        continue;
      }
      CarePlanActivityDetailComponent detail = activities.get(i).getDetail();
      String path = "CarePlan.activity[" + i + "]";
      List<Reference> performers = detail.getPerformer();
      if (performers.isEmpty()) {
        context.report("activity-without-performer", path, label(detail, path));
        continue;
      }
      if (teams.isEmpty()) {
        continue; // no team to compare with: IFP-CP-01 and reference integrity speak for it
      }
      for (int j = 0; j < performers.size(); j++) {
        Reference performer = performers.get(j);
        if (References.of(performer) != null
            && !CarePlans.isPersonOrTheirs(performer, person, context.record())
            && !inTeam(performer, teams, individuals)) {
          context.warn("performer-outside-team", path + ".detail.performer[" + j + "]",
              label(detail, path), References.of(performer), teamNames(teams));
        }
      }
    }
  }

  private static boolean inTeam(Reference performer, List<CareTeam> teams, Individuals individuals) {
    return teams.stream()
        .flatMap(team -> team.getParticipant().stream())
        .anyMatch(participant -> participant.hasMember()
            && individuals.same(performer, participant.getMember()));
  }

  private static String teamNames(List<CareTeam> teams) {
    return teams.stream().map(References::of).collect(Collectors.joining(", "));
  }

  /** What the activity is called in the plan: its code's text or display, its description, or its path. */
  private static String label(CarePlanActivityDetailComponent detail, String path) {
    if (detail.hasCode() && detail.getCode().hasText()) {
      return detail.getCode().getText();
    }
    if (detail.hasCode() && detail.getCode().hasCoding()
        && detail.getCode().getCodingFirstRep().hasDisplay()) {
      return detail.getCode().getCodingFirstRep().getDisplay();
    }
    return detail.hasDescription() ? detail.getDescription() : path;
  }
}
