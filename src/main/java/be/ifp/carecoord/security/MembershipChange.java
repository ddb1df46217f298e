package be.ifp.carecoord.security;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Periods;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;

/**
 * What a write does to who is in one person's team (IFP-AC-02): whether it gives someone time in
 * the team they did not have ({@link #adds}), takes time away from someone ({@link #removes}), or
 * makes someone the person's representative.
 *
 * <p>A team is compared as the time each member covers, overall and in each of their roles (the
 * union of their participant entries' periods), the time the team itself covers (its period), and
 * how live its status is (active, then proposed, then any other). So a new member, a new role, a
 * longer period or a team made active again adds; a member or role gone, a period ended, shortened
 * or put off, the team's period ended or its status set to inactive, suspended or entered-in-error
 * removes. Creating a team adds; deleting one removes. A name or a note changes nobody.
 */
record MembershipChange(boolean adds, boolean removes, boolean makesRepresentative) {

  static final MembershipChange NONE = new MembershipChange(false, false, false);

  private static final String TEAM = "";
  private static final String REPRESENTATIVE = Canonicals.ROLE + "|" + IfpData.ROLE_REPRESENTATIVE;

  /** A team written for its person where there was none (a create, or a team moved to her). */
  static MembershipChange creating(CareTeam team) {
    return new MembershipChange(true, false, grantsRepresentative(Map.of(), coverages(team)));
  }

  /** A team taken away from its person (a delete, or a team moved to someone else). */
  static MembershipChange deleting() {
    return new MembershipChange(false, true, false);
  }

  /** The same person's team, before and after the write. */
  static MembershipChange between(CareTeam before, CareTeam after) {
    Map<Participation, Coverage> was = coverages(before);
    Map<Participation, Coverage> is = coverages(after);
    int liveBefore = liveness(before);
    int liveAfter = liveness(after);
    return new MembershipChange(liveAfter > liveBefore || coversMore(is, was),
        liveAfter < liveBefore || coversMore(was, is), grantsRepresentative(was, is));
  }

  boolean any() {
    return adds || removes || makesRepresentative;
  }

  /** Active gives access; proposed is on its way to it; any other status (or none) gives nothing. */
  private static int liveness(CareTeam team) {
    if (team.getStatus() == CareTeam.CareTeamStatus.ACTIVE) {
      return 2;
    }
    return team.getStatus() == CareTeam.CareTeamStatus.PROPOSED ? 1 : 0;
  }

  private static boolean grantsRepresentative(Map<Participation, Coverage> was, Map<Participation, Coverage> is) {
    return is.entrySet().stream().anyMatch(entry -> REPRESENTATIVE.equals(entry.getKey().role())
        && entry.getValue().exceeds(was.getOrDefault(entry.getKey(), Coverage.EMPTY)));
  }

  /** Whether some participation covers time in {@code these} that it does not in {@code those}. */
  private static boolean coversMore(Map<Participation, Coverage> these, Map<Participation, Coverage> those) {
    return these.entrySet().stream()
        .anyMatch(entry -> entry.getValue().exceeds(those.getOrDefault(entry.getKey(), Coverage.EMPTY)));
  }

  private static Map<Participation, Coverage> coverages(CareTeam team) {
    Map<Participation, Coverage> coverages = new HashMap<>();
    coverages.put(new Participation(TEAM, TEAM), Coverage.of(team.getPeriod()));
    for (CareTeamParticipantComponent participant : team.getParticipant()) {
      String member = participant.getMember().getReference();
      if (member == null) {
        continue;
      }
      Coverage coverage = Coverage.of(participant.getPeriod());
      coverages.merge(new Participation(member, TEAM), coverage, Coverage::plus);
      for (Coding coding : participant.getRole().stream().flatMap(role -> role.getCoding().stream()).toList()) {
        coverages.merge(new Participation(member, coding.getSystem() + "|" + coding.getCode()), coverage,
            Coverage::plus);
      }
    }
    return coverages;
  }

  /** A member in one role ({@code system|code}), or in any role ({@link #TEAM}); the team itself is both empty. */
  private record Participation(String member, String role) {}

  /**
   * The time a participation covers, as disjoint intervals [start, end) in epoch milliseconds,
   * sorted (open ends as Long.MIN_VALUE and MAX_VALUE). Kept as intervals, not one span, so that
   * filling a gap between two entries counts as time added.
   */
  private record Coverage(List<long[]> intervals) {

    static final Coverage EMPTY = new Coverage(List.of());

    static Coverage of(Period period) {
      long start = Periods.start(period);
      long end = Periods.end(period);
      return start < end ? new Coverage(List.<long[]>of(new long[] {start, end})) : EMPTY;
    }

    Coverage plus(Coverage other) {
      List<long[]> all = new ArrayList<>(intervals);
      all.addAll(other.intervals);
      all.sort(Comparator.comparingLong(interval -> interval[0]));
      List<long[]> merged = new ArrayList<>();
      for (long[] interval : all) {
        long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && interval[0] <= last[1]) {
          last[1] = Math.max(last[1], interval[1]);
        } else {
          merged.add(interval.clone());
        }
      }
      return new Coverage(merged);
    }

    /** Whether this covers some time the other does not (the other's intervals are disjoint and merged). */
    boolean exceeds(Coverage other) {
      return intervals.stream().anyMatch(interval -> other.intervals.stream()
          .noneMatch(covering -> covering[0] <= interval[0] && interval[1] <= covering[1]));
    }
  }
}
