package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/**
 * IFP-TM-07: the case manager works from outside the person's team. A participant of an active
 * team may not be the same individual as the careManager of one of the person's active
 * case-management episodes while their periods overlap (participant period against episode
 * period), and no participant may be a PractitionerRole coded {@code ifp-role#case-manager}.
 *
 * <p>Re-checked on EpisodeOfCare: appointing a team member as case manager re-checks the
 * person's active teams. DG defaults to a warning: its column comes from a merged table cell.
 */
final class CaseManagerOutsideTeamRule extends TeamRule {

  CaseManagerOutsideTeamRule() {
    super("IFP-TM-07", "case-manager-outside-team",
        "The person's case manager is not a participant of the person's team in an overlapping "
            + "period, and no PractitionerRole coded case-manager is a team participant.",
        Severities.of("E E E W"),
        "001 L2270, L2334, L1518–1520; 003 L1333–1335",
        List.of(
            Message.key("case-manager-in-team")
                .en("Participant {0} is the person's case manager in episode {1} during the same "
                    + "period: the case manager works from outside the team.")
                .nl("Deelnemer {0} is in dezelfde periode casemanager van de persoon in episode {1}: "
                    + "de casemanager werkt van buiten het team.")
                .fr("Le participant {0} est le case manager de la personne dans l'épisode {1} pendant "
                    + "la même période : le case manager travaille en dehors de l'équipe.")
                .de("Teilnehmer {0} ist im selben Zeitraum Fallmanager der Person in Episode {1}: "
                    + "Der Fallmanager arbeitet von außerhalb des Teams."),
            Message.key("case-manager-role-in-team")
                .en("Participant {0} is a case-manager role (ifp-role#case-manager): a case manager "
                    + "is not a member of the person's team.")
                .nl("Deelnemer {0} is een casemanagerfunctie (ifp-role#case-manager): een casemanager "
                    + "is geen lid van het team van de persoon.")
                .fr("Le participant {0} est une fonction de case manager (ifp-role#case-manager) : un "
                    + "case manager ne fait pas partie de l'équipe de la personne.")
                .de("Teilnehmer {0} ist eine Fallmanager-Funktion (ifp-role#case-manager): Ein "
                    + "Fallmanager ist kein Mitglied des Teams der Person.")));
  }

  @Override
  public Set<String> recheckedOn() {
    return Set.of("EpisodeOfCare");
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    List<EpisodeOfCare> caseManagement = context.record().episodesOf(subject).stream()
        .filter(IfpData::isCaseManagement)
        .filter(IfpData::isActive)
        .filter(episode -> References.of(episode.getCareManager()) != null)
        .toList();
    Individuals individuals = context.individuals();
    for (Participant participant : Participant.of(team)) {
      String member = participant.member();
      if (member == null) {
        continue;
      }
      Optional<EpisodeOfCare> managed = caseManagement.stream()
          .filter(episode -> Periods.overlap(participant.period(), episode.getPeriod()))
          .filter(episode ->
              individuals.same(participant.memberReference(), episode.getCareManager()))
          .findFirst();
      if (managed.isPresent()) {
        context.report("case-manager-in-team", participant.expression(), member,
            References.of(managed.get()));
      } else if (individuals.role(participant.memberReference())
          .filter(role -> IfpData.hasCode(role.getCode(), Canonicals.ROLE, IfpData.ROLE_CASE_MANAGER))
          .isPresent()) {
        context.report("case-manager-role-in-team", participant.expression(), member);
      }
    }
  }
}
