package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.CARE_TEAM;
import static be.ifp.carecoord.security.PersonFile.GOAL;
import static be.ifp.carecoord.security.PersonFile.OTHER_TEAM_ROLE;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.PersonControlContract;
import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, classes 7, 8 and 13: what is the person's to decide. A plain team member (P1) makes
 * no second team with an outsider, ends or inactivates no team, deletes no team (IFP-AC-02);
 * revokes no consent and refuses no colleague in the person's name; an informal carer reads but
 * writes nothing, whatever their scopes (IFP-AC-03); {@code $validate} about a person outside
 * reach is refused without findings. Every attack that might come through is played on a person
 * of its own.
 */
interface PersonControlAttacks extends AttackSupport {

  private FhirHttp teamMemberOf(PersonFile person) {
    return as(Attackers.teamMember(person, Attackers.ALL_USER_SCOPES));
  }

  private CareTeam team(PersonFile person) {
    return AttackSupport.parse(CareTeam.class, Stored.json(this, person.id(CARE_TEAM)));
  }

  /** Sends a changed copy of the person's team as P1: refused, the team unchanged. */
  private void assertTeamChangeRefused(PersonFile person, java.util.function.Consumer<CareTeam> change) {
    String before = Stored.version(this, person.id(CARE_TEAM));
    CareTeam changed = team(person);
    change.accept(changed);

    assertRefused(teamMemberOf(person).put(person.path(CARE_TEAM), FHIR_JSON, AttackSupport.json(changed)), 403);

    assertThat(Stored.version(this, person.id(CARE_TEAM))).isEqualTo(before);
    assertThat(teamMemberOf(person).get(person.path(CARE_PLAN)).statusCode()).isEqualTo(200);
  }

  private int consentsOf(PersonFile person) {
    return Stored.count(this, "Consent?patient=" + person.id(PATIENT));
  }

  /** The person's refusal of a colleague of P1's in her team ("P3"), stored by a platform. */
  private String refusalOfP3(PersonFile person) {
    HttpResponse<String> created = http().post("/fhir/Consent", FHIR_JSON, AttackSupport.json(
        PersonControlContract.consent(person, ConsentProvisionType.DENY, person.id(OTHER_TEAM_ROLE))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return "Consent/" + AttackSupport.parse(Consent.class, created.body()).getIdPart();
  }

  private int p3Reads(PersonFile person) {
    return as(TestTokens.user(person.id(OTHER_TEAM_ROLE), "user/*.rs")).get(person.path(CARE_PLAN)).statusCode();
  }

  /** A copy of the person's team, as a new team with an identifier of its own. */
  private CareTeam secondTeam(PersonFile person) {
    CareTeam second = team(person);
    second.setId((String) null);
    second.setMeta(null);
    second.getIdentifierFirstRep().setValue("second-" + java.util.UUID.randomUUID());
    return second;
  }

  @Test
  default void teamMember_cannotCreateASecondTeam_withAnOutsider() {
    PersonFile person = AttackScene.newPerson(this);
    CareTeam second = secondTeam(person);
    second.getParticipant().removeIf(p -> !p.getMember().getReference().equals(person.id(TEAM_ROLE))
        && !p.getMember().getReference().equals(person.id(PATIENT)));
    second.addParticipant().setMember(new Reference(theirs().id(TEAM_ROLE)))
        .setRole(second.getParticipantFirstRep().getRole()).setPeriod(second.getParticipantFirstRep().getPeriod());
    int teamsBefore = Stored.count(this, "CareTeam?subject=" + person.id(PATIENT));

    assertRefused(teamMemberOf(person).post("/fhir/CareTeam", FHIR_JSON, AttackSupport.json(second)), 403);

    assertThat(Stored.count(this, "CareTeam?subject=" + person.id(PATIENT))).isEqualTo(teamsBefore);
    assertThat(as(Attackers.teamMember(theirs().file(), "user/*.rs")).get(person.path(CARE_PLAN)).statusCode())
        .as("the outsider P2 reads the person's plan").isEqualTo(404);
  }

  @Test
  default void teamMember_cannotSetTheTeamInactive() {
    assertTeamChangeRefused(AttackScene.newPerson(this), team -> team.setStatus(CareTeam.CareTeamStatus.INACTIVE));
  }

  @Test
  default void teamMember_cannotEndTheTeamsPeriod() {
    assertTeamChangeRefused(AttackScene.newPerson(this),
        team -> team.getPeriod().setEndElement(new DateTimeType(new java.util.Date(System.currentTimeMillis() - 86_400_000L))));
  }

  /** A second team of the person that nothing refers to (the first is the plan's, which keeps it). */
  @Test
  default void teamMember_cannotDeleteATeam() {
    PersonFile person = AttackScene.newPerson(this);
    HttpResponse<String> created = http().post("/fhir/CareTeam", FHIR_JSON, AttackSupport.json(secondTeam(person)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String team = "CareTeam/" + AttackSupport.parse(CareTeam.class, created.body()).getIdPart();
    String before = Stored.version(this, team);

    assertRefused(delete(teamMemberOf(person), "/fhir/" + team), 403);

    assertThat(Stored.version(this, team)).isEqualTo(before);
  }

  @Test
  default void platform_syncsATeamAsItIs() {
    PersonFile person = AttackScene.newPerson(this);
    CareTeam inactive = team(person).setStatus(CareTeam.CareTeamStatus.INACTIVE);

    assertThat(http().put(person.path(CARE_TEAM), FHIR_JSON, AttackSupport.json(inactive)).statusCode()).isEqualTo(200);
  }

  @Test
  default void teamMember_cannotDeleteOrRevoke_thePersonsRefusal() {
    PersonFile person = AttackScene.newPerson(this);
    String refusal = refusalOfP3(person);
    String before = Stored.version(this, refusal);
    Consent revoked = AttackSupport.parse(Consent.class, Stored.json(this, refusal)).setStatus(Consent.ConsentState.INACTIVE);

    assertRefused(delete(teamMemberOf(person), "/fhir/" + refusal), 403);
    assertRefused(teamMemberOf(person).put("/fhir/" + refusal, FHIR_JSON, AttackSupport.json(revoked)), 403);
    assertRefused(teamMemberOf(person).patch("/fhir/" + refusal, JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"inactive\"}]"), 403);

    assertThat(Stored.version(this, refusal)).isEqualTo(before);
    assertThat(p3Reads(person)).as("the refused colleague reads the plan").isEqualTo(404);
  }

  @Test
  default void teamMember_cannotRefuseAColleague_inThePersonsName() {
    PersonFile person = AttackScene.newPerson(this);
    int before = consentsOf(person);

    assertRefused(teamMemberOf(person).post("/fhir/Consent", FHIR_JSON, AttackSupport.json(
        PersonControlContract.consent(person, ConsentProvisionType.DENY, person.id(OTHER_TEAM_ROLE)))), 403);

    assertThat(consentsOf(person)).isEqualTo(before);
    assertThat(p3Reads(person)).as("the colleague still reads the plan").isEqualTo(200);
  }

  @Test
  default void person_refusesAProfessional_andRevokesTheRefusal() {
    PersonFile person = AttackScene.newPerson(this);
    FhirHttp herself = as(Attackers.person(person, "patient/*.cruds"));

    HttpResponse<String> refused = herself.post("/fhir/Consent", FHIR_JSON, AttackSupport.json(
        PersonControlContract.consent(person, ConsentProvisionType.DENY, person.id(OTHER_TEAM_ROLE))));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(201);
    assertThat(p3Reads(person)).isEqualTo(404);

    String refusal = "Consent/" + AttackSupport.parse(Consent.class, refused.body()).getIdPart();
    assertOk(delete(herself, "/fhir/" + refusal));
    assertThat(p3Reads(person)).isEqualTo(200);
  }

  @Test
  default void carer_withEveryUserScope_cannotUpdateThePlan_orAddAGoal() {
    PersonFile person = AttackScene.newPerson(this);
    FhirHttp carer = as(Attackers.carer(person, Attackers.ALL_USER_SCOPES));
    String planBefore = Stored.version(this, person.id(CARE_PLAN));
    String goalBefore = Stored.version(this, person.id(GOAL));
    int goals = Stored.count(this, "Goal?subject=" + person.id(PATIENT));
    CarePlan plan = AttackSupport.parse(CarePlan.class, Stored.json(this, person.id(CARE_PLAN)));
    plan.addNote().setText("changed by the carer");
    Goal goal = AttackSupport.parse(Goal.class, Stored.json(this, person.id(GOAL)));
    goal.setId((String) null);
    goal.setMeta(null);

    assertRefused(carer.put(person.path(CARE_PLAN), FHIR_JSON, AttackSupport.json(plan)), 403);
    assertRefused(carer.post("/fhir/Goal", FHIR_JSON, AttackSupport.json(goal)), 403);
    assertRefused(carer.patch(person.path(GOAL), JSON_PATCH, ANY_PATCH), 403);
    assertRefused(delete(carer, person.path(GOAL)), 403);

    assertThat(Stored.version(this, person.id(CARE_PLAN))).isEqualTo(planBefore);
    assertThat(Stored.version(this, person.id(GOAL))).isEqualTo(goalBefore);
    assertThat(Stored.count(this, "Goal?subject=" + person.id(PATIENT))).isEqualTo(goals);
  }

  @Test
  default void carer_readsThePersonsPlan() {
    FhirHttp carer = as(Attackers.carer(ours(), Attackers.ALL_USER_SCOPES));

    assertThat(carer.get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertRefused(carer.get(theirs().file().path(CARE_PLAN)), 404);
  }

  @Test
  default void validate_ofAResourceAboutAnotherPerson_isRefused_withoutFindings() {
    String plan = Stored.json(this, theirs().id(CARE_PLAN));

    assertRefused(p1().post("/fhir/CarePlan/$validate", FHIR_JSON, plan), 403);
    assertRefused(p1().post("/fhir/CarePlan/$validate", FHIR_JSON,
        plan.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\",?", "")), 403);
  }

  @Test
  default void validate_ofTheirOwnPersonsPlan_isAnswered() {
    HttpResponse<String> answer = p1().post("/fhir/CarePlan/$validate", FHIR_JSON, Stored.json(this, ours().id(CARE_PLAN)));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    theirs().assertNothingOfHersIn(answer);
  }
}
