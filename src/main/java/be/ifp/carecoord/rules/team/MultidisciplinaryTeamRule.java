package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * IFP-TM-02: an active team brings together professionals of at least two different professions.
 * The professions are the eligible (health or welfare) profession codes of the PractitionerRoles of
 * the participants active now; a participant whose role cannot be read leaves the count open, and
 * then nothing is reported.
 */
final class MultidisciplinaryTeamRule extends TeamRule {

  MultidisciplinaryTeamRule() {
    super("IFP-TM-02", "multidisciplinary-team",
        "An active team has professionals of at least two different professions.",
        Severities.of("W W W W"),
        "003 L541–543",
        List.of(
            Message.key("no-profession")
                .en("The team has no active professional with a care or welfare profession: an interdisciplinary team brings together professionals of at least two different professions.")
                .nl("Het team heeft geen actieve professional met een zorg- of welzijnsberoep: een interdisciplinair team brengt professionals van minstens twee verschillende beroepen samen.")
                .fr("L'équipe ne compte aucun professionnel actif exerçant une profession de l'aide ou des soins : une équipe interdisciplinaire réunit des professionnels d'au moins deux professions différentes.")
                .de("Das Team hat keine aktive Fachkraft mit einem Pflege- oder Sozialberuf: Ein interdisziplinäres Team vereint Fachkräfte aus mindestens zwei verschiedenen Berufen."),
            Message.key("one-profession")
                .en("All active professionals of the team have the same profession ({0}): an interdisciplinary team brings together professionals of at least two different professions.")
                .nl("Alle actieve professionals van het team hebben hetzelfde beroep ({0}): een interdisciplinair team brengt professionals van minstens twee verschillende beroepen samen.")
                .fr("Tous les professionnels actifs de l'équipe exercent la même profession ({0}) : une équipe interdisciplinaire réunit des professionnels d'au moins deux professions différentes.")
                .de("Alle aktiven Fachkräfte des Teams haben denselben Beruf ({0}): Ein interdisziplinäres Team vereint Fachkräfte aus mindestens zwei verschiedenen Berufen.")));
  }

  /** Any active team, subject or not: the professions are counted within the team. */
  @Override
  boolean appliesToTeam(CareTeam team) {
    return IfpData.isActive(team);
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    if (!Periods.contains(team.hasPeriod() ? team.getPeriod() : null, context.now())) {
      return; // judged only while the team runs
    }
    Map<String, String> professions = new LinkedHashMap<>(); // system|code → code
    for (Participant participant : Participant.of(team)) {
      if (!Periods.contains(participant.period(), context.now()) || participant.member() == null) {
        continue;
      }
      Optional<String> type = participant.memberType(context);
      if (type.isPresent() && !"PractitionerRole".equals(type.get())) {
        continue;
      }
      Optional<PractitionerRole> role = participant.role(context);
      if (role.isEmpty()) {
        // An unreadable member may hold the missing profession: reference integrity is checked
        // elsewhere, and this rule does not guess.
        return;
      }
      for (Coding profession : Participant.professions(role.get())) {
        if (context.professions().isEligible(profession)) {
          professions.put(profession.getSystem() + "|" + profession.getCode(), profession.getCode());
        }
      }
    }
    if (professions.isEmpty()) {
      context.report("no-profession", "CareTeam.participant");
    } else if (professions.size() == 1) {
      context.report("one-profession", "CareTeam.participant", professions.values().iterator().next());
    }
  }
}
