package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;

/** IFP-TM-01: the person is a member of their own team. */
final class PersonInTeamRule extends TeamRule {

  PersonInTeamRule() {
    super("IFP-TM-01", "person-in-team",
        "An active team has its subject (the Patient) among its participants.",
        Severities.of("E E E E"),
        "000 L187–190; 001 L2125–2127; 003 L541–543",
        List.of(Message.key("subject-not-participant")
            .en("The person {0} is not a participant of their own team.")
            .nl("De persoon {0} is geen deelnemer van het eigen team.")
            .fr("La personne {0} ne fait pas partie de sa propre équipe.")
            .de("Die Person {0} ist kein Mitglied ihres eigenen Teams.")));
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    boolean present = Participant.of(team).stream().anyMatch(p -> subject.equals(p.member()));
    if (!present) {
      context.report("subject-not-participant", "CareTeam.participant", subject);
    }
  }
}
