package be.ifp.carecoord.rules.coordination;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-CC-02: in the German-speaking Community, case management and care and welfare coordination
 * do not run at the same time: an active case-management episode (active, waiting or on hold)
 * and a coordinator participant of an active team of the same person do not overlap in time,
 * whoever holds the roles.
 *
 * <p>This reading comes from a merged table cell in the protocol (001 L1585–1588), so it is
 * uncertain: it is a warning for DG and off elsewhere by default, and the operator changes that
 * through the severity override per rule and per entity ({@code RuleSettings.withSeverity}).
 */
final class NoSimultaneousRolesRule extends Rule {

  NoSimultaneousRolesRule() {
    super("IFP-CC-02", "dg-no-simultaneous-roles",
        "DG: a case-management episode and a coordinator do not overlap in time (read from a merged "
            + "table cell: keep it configurable and say so).",
        Severities.of("– – – W"),
        "001 L1585–1588",
        List.of(
            Message.key("case-management-during-coordination")
                .en("The case management (from {4}) overlaps the coordination by {0} in team {1} "
                    + "(from {2}): case management and care and welfare coordination do not run at "
                    + "the same time.")
                .nl("Het casemanagement (vanaf {4}) overlapt met de coördinatie door {0} in team {1} "
                    + "(vanaf {2}): casemanagement en zorg- en welzijnscoördinatie lopen niet "
                    + "tegelijk.")
                .fr("Le case management (à partir du {4}) se superpose à la coordination par {0} "
                    + "dans l'équipe {1} (à partir du {2}) : le case management et la coordination "
                    + "de l'aide et des soins ne se déroulent pas en même temps.")
                .de("Das Fallmanagement (ab {4}) überschneidet sich mit der Koordination durch {0} im "
                    + "Team {1} (ab {2}): Fallmanagement und Gesundheitskoordination laufen nicht "
                    + "gleichzeitig."),
            Message.key("coordination-during-case-management")
                .en("Coordinator {0} (from {2}) overlaps the case-management episode {3} (from {4}): "
                    + "case management and care and welfare coordination do not run at the same "
                    + "time.")
                .nl("Coördinator {0} (vanaf {2}) overlapt met de casemanagementepisode {3} (vanaf "
                    + "{4}): casemanagement en zorg- en welzijnscoördinatie lopen niet tegelijk.")
                .fr("Le coordinateur {0} (à partir du {2}) se superpose à l'épisode de case "
                    + "management {3} (à partir du {4}) : le case management et la coordination de "
                    + "l'aide et des soins ne se déroulent pas en même temps.")
                .de("Koordinator {0} (ab {2}) überschneidet sich mit der Fallmanagement-Episode {3} "
                    + "(ab {4}): Fallmanagement und Gesundheitskoordination laufen nicht "
                    + "gleichzeitig.")));
  }

  @Override
  public Set<String> focusTypes() {
    return Set.of("CareTeam", "EpisodeOfCare");
  }

  @Override
  public void check(Resource focus, RuleContext context) {
    List<CoordinatorAndCaseManager> overlapping =
        CoordinatorAndCaseManager.around(focus, context.record()).stream()
            .filter(pair -> pair.inForce() && pair.overlap())
            .toList();
    String key = focus instanceof CareTeam
        ? "coordination-during-case-management" : "case-management-during-coordination";
    for (CoordinatorAndCaseManager pair : CoordinatorAndCaseManager.onePerElement(
        overlapping, p -> p.expression(focus, "EpisodeOfCare.period"))) {
      context.report(key, pair.expression(focus, "EpisodeOfCare.period"), pair.arguments());
    }
  }
}
