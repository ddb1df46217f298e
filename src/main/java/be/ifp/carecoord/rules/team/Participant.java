package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One participant of a team, with its position in {@code CareTeam.participant} so that a finding
 * can point to it: how the team rules read a member, its period, the PractitionerRole behind it and
 * the professions that role names. Nothing here creates empty elements on the team being checked.
 */
record Participant(CareTeam team, int index, CareTeamParticipantComponent element) {

  /** Every participant of the team, in order. */
  static List<Participant> of(CareTeam team) {
    List<CareTeamParticipantComponent> elements = team.getParticipant();
    return IntStream.range(0, elements.size())
        .mapToObj(i -> new Participant(team, i, elements.get(i)))
        .toList();
  }

  /** The team's coordinator participants ({@code ifp-role#care-welfare-coordinator}), in order. */
  static List<Participant> coordinatorsOf(CareTeam team) {
    return of(team).stream().filter(p -> IfpData.isCoordinator(p.element())).toList();
  }

  /** FHIRPath of the participant inside the team: {@code CareTeam.participant[i]}. */
  String expression() {
    return "CareTeam.participant[" + index + "]";
  }

  /** The member reference ({@code Type/id}), or null when the participant names none. */
  String member() {
    return element.hasMember() ? References.of(element.getMember()) : null;
  }

  /** The member as written, to compare individuals; only once {@link #member} is known to be set. */
  Reference memberReference() {
    return element.getMember();
  }

  /** The participation period, or null when it has none: the participant is there all along. */
  Period period() {
    return element.hasPeriod() ? element.getPeriod() : null;
  }

  /** The start of the participation as written, for messages ({@code ?} when there is none). */
  String start() {
    Period period = period();
    return period != null && period.hasStart() ? period.getStartElement().getValueAsString() : "?";
  }

  /** The period for messages: {@code 2026-09-15 – 2026-12-31}, {@code …} for an open side. */
  String describePeriod() {
    Period period = period();
    String start = period != null && period.hasStart()
        ? period.getStartElement().getValueAsString() : "…";
    String end = period != null && period.hasEnd() ? period.getEndElement().getValueAsString() : "…";
    return start + " – " + end;
  }

  /**
   * The resource type of the member: read from its reference, or for a transaction entry's
   * placeholder ({@code urn:uuid:…}) from the entry itself; empty when it cannot be told.
   */
  Optional<String> memberType(RuleContext context) {
    String member = member();
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
  Optional<PractitionerRole> role(RuleContext context) {
    String member = member();
    if (member == null) {
      return Optional.empty();
    }
    return context.record().read(member)
        .filter(PractitionerRole.class::isInstance)
        .map(PractitionerRole.class::cast);
  }

  /** The role's professions: its code codings other than the {@code ifp-role} ones. */
  static List<Coding> professions(PractitionerRole role) {
    return role.getCode().stream()
        .flatMap(concept -> concept.getCoding().stream())
        .filter(coding -> coding.hasCode() && !Canonicals.ROLE.equals(coding.getSystem()))
        .toList();
  }
}
