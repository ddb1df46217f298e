package be.ifp.carecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** What counts as adding to or removing from a person's team (IFP-AC-02). */
class MembershipChangeTest {

  private static final String ROLES = "https://ifp-carecoord.github.io/fhir/CodeSystem/ifp-role";

  private static CareTeam team() {
    CareTeam team = new CareTeam().setStatus(CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/1"))
        .setPeriod(period("2026-01-01", null));
    participant(team, "Patient/1", "person", "2026-01-01", null);
    participant(team, "PractitionerRole/2", "care-provider", "2026-01-01", null);
    participant(team, "PractitionerRole/3", "care-provider", "2026-01-01", "2026-03-01");
    participant(team, "PractitionerRole/3", "care-provider", "2026-06-01", null);
    return team;
  }

  private static void participant(CareTeam team, String member, String role, String start, String end) {
    team.addParticipant().setMember(new Reference(member)).setPeriod(period(start, end))
        .addRole(new CodeableConcept(new Coding(ROLES, role, null)));
  }

  private static Period period(String start, String end) {
    Period period = new Period().setStartElement(new DateTimeType(start));
    return end == null ? period : period.setEndElement(new DateTimeType(end));
  }

  private static MembershipChange after(Consumer<CareTeam> change) {
    CareTeam after = team();
    change.accept(after);
    return MembershipChange.between(team(), after);
  }

  @Test
  void aNameOrANote_changesNobody() {
    assertThat(after(t -> t.setName("Renamed").addNote().setText("a note")).any()).isFalse();
  }

  @Test
  void aNewMember_aLongerPeriod_orAFilledGap_adds() {
    assertThat(after(t -> participant(t, "PractitionerRole/9", "care-provider", "2026-05-01", null)))
        .isEqualTo(new MembershipChange(true, false, false));
    assertThat(after(t -> t.getParticipant().get(2).setPeriod(period("2026-01-01", "2026-04-01"))))
        .isEqualTo(new MembershipChange(true, false, false));
    assertThat(after(t -> participant(t, "PractitionerRole/3", "care-provider", "2026-03-01", "2026-06-01")))
        .as("the gap between two entries of one member").isEqualTo(new MembershipChange(true, false, false));
    assertThat(after(t -> participant(t, "PractitionerRole/3", "care-provider", "2026-01-15", "2026-02-15")).any())
        .as("an entry within time the member already has").isFalse();
  }

  @Test
  void aMemberGone_aPeriodEndedOrPutOff_orARoleLost_removes() {
    assertThat(after(t -> t.getParticipant().remove(1))).isEqualTo(new MembershipChange(false, true, false));
    assertThat(after(t -> t.getParticipant().get(1).getPeriod().setEndElement(new DateTimeType("2026-12-01")))
        .removes()).isTrue();
    assertThat(after(t -> t.getParticipant().get(1).getPeriod().setStartElement(new DateTimeType("2026-02-01")))
        .removes()).isTrue();
    MembershipChange otherRole = after(t -> t.getParticipant().get(1).getRoleFirstRep().getCodingFirstRep()
        .setCode("care-welfare-coordinator"));
    assertThat(otherRole).isEqualTo(new MembershipChange(true, true, false));
  }

  @Test
  void theTeamsOwnPeriodAndStatus_count() {
    assertThat(after(t -> t.getPeriod().setEndElement(new DateTimeType("2026-12-01"))).removes()).isTrue();
    for (CareTeamStatus status : new CareTeamStatus[] {CareTeamStatus.INACTIVE, CareTeamStatus.SUSPENDED,
        CareTeamStatus.ENTEREDINERROR, CareTeamStatus.PROPOSED}) {
      assertThat(after(t -> t.setStatus(status))).as(status.toCode())
          .isEqualTo(new MembershipChange(false, true, false));
    }
    CareTeam inactive = team().setStatus(CareTeamStatus.INACTIVE);
    assertThat(MembershipChange.between(inactive, team())).isEqualTo(new MembershipChange(true, false, false));
  }

  @Test
  void aRepresentativeRole_isAGrantOfItsOwn() {
    assertThat(after(t -> participant(t, "PractitionerRole/2", "representative", "2026-01-01", null)))
        .isEqualTo(new MembershipChange(true, false, true));
    CareTeam created = team();
    assertThat(MembershipChange.creating(created)).isEqualTo(new MembershipChange(true, false, false));
    participant(created, "RelatedPerson/4", "representative", "2026-01-01", null);
    assertThat(MembershipChange.creating(created).makesRepresentative()).isTrue();
    assertThat(MembershipChange.deleting()).isEqualTo(new MembershipChange(false, true, false));
  }
}
