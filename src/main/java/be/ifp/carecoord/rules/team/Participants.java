package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reading a team's participants the way the TM rules share: their member, their period (without
 * creating empty elements on the resource being checked), the PractitionerRole behind a member and
 * the professions it names, and the FHIRPath of a participant.
 */
final class Participants {

  private Participants() {}

  /** {@code CareTeam.participant[i]}. */
  static String expression(int index) {
    return "CareTeam.participant[" + index + "]";
  }

  /** A team marked entered-in-error is withdrawn data: the team rules leave it alone. */
  static boolean isWithdrawn(CareTeam team) {
    return team.getStatus() == CareTeam.CareTeamStatus.ENTEREDINERROR;
  }

  /** The member reference ({@code Type/id}), or null when the participant names none. */
  static String member(CareTeamParticipantComponent participant) {
    return participant.hasMember() ? References.of(participant.getMember()) : null;
  }

  /** The participant's period, or null (always) when it has none. */
  static Period period(CareTeamParticipantComponent participant) {
    return participant.hasPeriod() ? participant.getPeriod() : null;
  }

  /**
   * The resource type of the member: read from its reference, or for a transaction entry's
   * placeholder ({@code urn:uuid:…}) from the entry itself; empty when it cannot be told.
   */
  static Optional<String> memberType(CareTeamParticipantComponent participant, RuleContext context) {
    String member = member(participant);
    if (member == null) {
      return Optional.empty();
    }
    if (member.startsWith("urn:")) {
      return context.record().read(member).map(Resource::fhirType);
    }
    int slash = member.indexOf('/');
    return slash > 0 ? Optional.of(member.substring(0, slash)) : Optional.empty();
  }

  /** The PractitionerRole the member points to, when it is one and can be read. */
  static Optional<PractitionerRole> role(CareTeamParticipantComponent participant, RuleContext context) {
    String member = member(participant);
    if (member == null) {
      return Optional.empty();
    }
    Optional<Resource> resource = context.record().read(member);
    return resource.filter(PractitionerRole.class::isInstance).map(PractitionerRole.class::cast);
  }

  /** The role's professions: its code codings other than the {@code ifp-role} ones. */
  static List<Coding> professions(PractitionerRole role) {
    return role.getCode().stream()
        .flatMap(concept -> concept.getCoding().stream())
        .filter(coding -> coding.hasCode() && !Canonicals.ROLE.equals(coding.getSystem()))
        .toList();
  }

  /** The codes of the professions, for messages: {@code persnurse, perssocialworker}, or {@code –}. */
  static String codes(List<Coding> professions) {
    if (professions.isEmpty()) {
      return "–";
    }
    return String.join(", ", professions.stream().map(Coding::getCode).distinct().toList());
  }

  /** A period as {@code 2026-09-15 – 2026-12-31}, with {@code …} for an open end. */
  static String describe(Period period) {
    String start = period != null && period.hasStart() ? period.getStartElement().getValueAsString() : "…";
    String end = period != null && period.hasEnd() ? period.getEndElement().getValueAsString() : "…";
    return start + " – " + end;
  }
}
