package be.ifp.carecoord.rules.coordination;

import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;

/**
 * A coordinator participant of one of the person's teams facing one of the person's
 * case-management episodes: what the IFP-CC rules compare. The rules look from either side:
 * from a team (its coordinators against the person's episodes) or from an episode (the person's
 * teams' coordinators against it); the focus resource stands in for its stored version.
 *
 * @param team the team the coordinator belongs to
 * @param index the coordinator's position in {@code CareTeam.participant}
 * @param coordinator the coordinator participant
 * @param episode the case-management episode
 */
record CoordinatorAndCaseManager(
    CareTeam team, int index, CareTeamParticipantComponent coordinator, EpisodeOfCare episode) {

  /**
   * Every coordinator of the focus team with every case-management episode of its person, or
   * every coordinator of the person's teams with the focus episode. Resources entered in error
   * never happened and are left out; status and periods are for each rule to judge.
   */
  static List<CoordinatorAndCaseManager> around(Resource focus, CareRecord record) {
    List<CareTeam> teams;
    List<EpisodeOfCare> episodes;
    if (focus instanceof CareTeam team) {
      String person = References.of(team.getSubject());
      if (person == null) {
        return List.of();
      }
      teams = List.of(team);
      episodes = record.episodesOf(person);
    } else if (focus instanceof EpisodeOfCare episode) {
      String person = References.of(episode.getPatient());
      if (person == null) {
        return List.of();
      }
      teams = record.careTeamsOf(person);
      episodes = List.of(episode);
    } else {
      return List.of();
    }
    List<CoordinatorAndCaseManager> pairs = new ArrayList<>();
    for (CareTeam team : teams) {
      if (team.getStatus() == CareTeam.CareTeamStatus.ENTEREDINERROR) {
        continue;
      }
      for (int i = 0; i < team.getParticipant().size(); i++) {
        CareTeamParticipantComponent participant = team.getParticipant().get(i);
        if (!IfpData.isCoordinator(participant)) {
          continue;
        }
        for (EpisodeOfCare episode : episodes) {
          if (IfpData.isCaseManagement(episode)
              && episode.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR) {
            pairs.add(new CoordinatorAndCaseManager(team, i, participant, episode));
          }
        }
      }
    }
    return pairs;
  }

  /**
   * The pairs whose finding would land on the same element of the focus reduced to the first, so
   * that one element is reported once.
   */
  static List<CoordinatorAndCaseManager> onePerElement(
      List<CoordinatorAndCaseManager> pairs, Function<CoordinatorAndCaseManager, String> expression) {
    Set<String> seen = new HashSet<>();
    return pairs.stream().filter(pair -> seen.add(expression.apply(pair))).toList();
  }

  /** Whether the coordinator and the case manager are the same individual (domain.md §2). */
  boolean sameIndividual(Individuals individuals) {
    return References.of(coordinator.getMember()) != null
        && References.of(episode.getCareManager()) != null
        && individuals.same(coordinator.getMember(), episode.getCareManager());
  }

  /** Both still in force: the team active, the episode active, waiting or on hold. */
  boolean inForce() {
    return IfpData.isActive(team) && IfpData.isActive(episode);
  }

  /** Whether the coordinator's period and the episode's period overlap. */
  boolean overlap() {
    return Periods.overlap(coordinatorPeriod(), episode.getPeriod());
  }

  Period coordinatorPeriod() {
    return coordinator.getPeriod();
  }

  /** FHIRPath of the coordinator inside its team, for findings on a team. */
  String coordinatorExpression() {
    return "CareTeam.participant[" + index + "]";
  }

  /**
   * Where a finding on the focus goes: the coordinator participant when the focus is the team,
   * else the given element of the episode.
   */
  String expression(Resource focus, String onEpisode) {
    return focus instanceof CareTeam ? coordinatorExpression() : onEpisode;
  }

  /**
   * The message arguments the IFP-CC rules share: {0} the coordinator's member, {1} the team, {2}
   * the coordinator's start, {3} the episode, {4} the episode's start, {5} its careManager.
   */
  Object[] arguments() {
    return new Object[] {orUnknown(References.of(coordinator.getMember())), References.of(team),
        start(coordinatorPeriod()), References.of(episode), start(episode.getPeriod()),
        orUnknown(References.of(episode.getCareManager()))};
  }

  private static String orUnknown(String reference) {
    return reference == null ? "?" : reference;
  }

  /** A period's start as written, for messages ("?" when there is none). */
  static String start(Period period) {
    return period != null && period.hasStart() ? period.getStartElement().getValueAsString() : "?";
  }

  /** A period's end as written, for messages ("?" when there is none). */
  static String end(Period period) {
    return period != null && period.hasEnd() ? period.getEndElement().getValueAsString() : "?";
  }
}
