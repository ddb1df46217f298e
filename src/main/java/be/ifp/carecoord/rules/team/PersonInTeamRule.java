package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Resource;

/** IFP-TM-01: the person is a member of their own team. */
final class PersonInTeamRule extends Rule {

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
  public Set<String> focusTypes() {
    return Set.of("CareTeam");
  }

  @Override
  public void check(Resource focus, RuleContext context) {
    CareTeam team = (CareTeam) focus;
    String subject = References.of(team.getSubject());
    if (!IfpData.isActive(team) || subject == null) {
      return;
    }
    boolean present = team.getParticipant().stream()
        .anyMatch(p -> Objects.equals(subject, References.of(p.getMember())));
    if (!present) {
      context.report("subject-not-participant", "CareTeam.participant", subject);
    }
  }
}
