package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.CARE_TEAM;
import static be.ifp.carecoord.security.PersonFile.COORDINATOR_ROLE;
import static be.ifp.carecoord.security.PersonFile.OTHER_TEAM_ROLE;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * IFP-AC-02 through the real REST API: who is in a person's team (members, their roles and
 * periods, the team's own period and status, a new team, a deleted one) is the person's and
 * their representative's to decide; the coordinator adds but does not remove; another member
 * changes nobody's membership, by no route (PUT, PATCH, DELETE, POST, transaction).
 */
public interface TeamMembershipContract extends FhirServerAccess {

  String ROLE_SYSTEM = "https://ifp-carecoord.github.io/fhir/CodeSystem/ifp-role";
  String JSON_PATCH = "application/json-patch+json";

  private CareTeam stored(PersonFile file) {
    return client().read().resource(CareTeam.class).withId(file.id(CARE_TEAM)).execute();
  }

  private String changed(PersonFile file, Consumer<CareTeam> change) {
    CareTeam team = stored(file);
    change.accept(team);
    return FHIR.newJsonParser().encodeResourceToString(team);
  }

  private static Consumer<CareTeam> removing(String member) {
    return team -> team.getParticipant().removeIf(p -> member.equals(p.getMember().getReference()));
  }

  private static Consumer<CareTeam> adding(String member, String role) {
    return team -> team.addParticipant().setMember(new Reference(member))
        .setPeriod(new Period().setStart(new Date()))
        .addRole(new CodeableConcept(new Coding(ROLE_SYSTEM, role, null)));
  }

  private static Consumer<CareTeam> adding(String member) {
    return adding(member, "care-provider");
  }

  /** Ends the member's participation a minute ago (an end "now" is kept to the second, so it may still hold). */
  private static Consumer<CareTeam> ending(String member) {
    return team -> team.getParticipant().stream().filter(p -> member.equals(p.getMember().getReference()))
        .forEach(p -> p.getPeriod().setEnd(new Date(System.currentTimeMillis() - 60_000)));
  }

  /** A second team for the file's person: a copy of hers without its coordinator, with {@code member} added. */
  private String secondTeam(PersonFile file, String member) {
    CareTeam team = stored(file);
    team.setId((String) null);
    team.getIdentifier().clear();
    team.setName("A second team");
    team.getParticipant().removeIf(p -> p.getRole().stream().anyMatch(r -> r.hasCoding(ROLE_SYSTEM,
        "care-welfare-coordinator")));
    adding(member).accept(team);
    return FHIR.newJsonParser().encodeResourceToString(team);
  }

  private int teamsOf(PersonFile file) {
    HttpResponse<String> found = http().get("/fhir/CareTeam?subject=" + file.id(PATIENT) + "&_summary=count");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, found.body()).getTotal();
  }

  private FhirHttp as(String user, String scope) {
    return http().withToken(TestTokens.user(user, scope));
  }

  private FhirHttp member(PersonFile file) {
    return as(file.id(TEAM_ROLE), "user/*.cruds");
  }

  private FhirHttp coordinator(PersonFile file) {
    return as(file.id(COORDINATOR_ROLE), "user/*.cruds");
  }

  private FhirHttp person(PersonFile file) {
    return as(file.id(PATIENT), "patient/*.cruds");
  }

  private static HttpResponse<String> delete(FhirHttp as, String path) {
    return as.method("DELETE", path, FHIR_JSON, BodyPublishers.noBody());
  }

  /** A 403 that names the rule, and says nothing of the team it refused. */
  private static void refusedByTheRule(HttpResponse<String> response) {
    OperationOutcome outcome = assertOutcome(response, 403);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("IFP-AC-02 person-controls-team");
    assertThat(response.body()).doesNotContain("CareTeam/").doesNotContain("PractitionerRole/");
  }

  @Test
  default void onlyThePerson_removesAndAdds_theCoordinatorOnlyAdds_othersNeither() {
    PersonFile file = PersonFile.load(this);
    PersonFile elsewhere = PersonFile.twoPersons(this).get(1);
    String team = file.path(CARE_TEAM);
    String colleague = elsewhere.id(TEAM_ROLE);

    refusedByTheRule(member(file).put(team, FHIR_JSON, changed(file, removing(file.id(OTHER_TEAM_ROLE)))));
    refusedByTheRule(member(file).put(team, FHIR_JSON, changed(file, adding(colleague))));
    refusedByTheRule(coordinator(file).put(team, FHIR_JSON, changed(file, removing(file.id(OTHER_TEAM_ROLE)))));
    assertThat(stored(file).getParticipant())
        .anyMatch(p -> file.id(OTHER_TEAM_ROLE).equals(p.getMember().getReference()))
        .noneMatch(p -> colleague.equals(p.getMember().getReference()));

    assertThat(coordinator(file).put(team, FHIR_JSON, changed(file, adding(colleague))).statusCode()).isEqualTo(200);
    assertThat(person(file).put(team, FHIR_JSON, changed(file, removing(colleague))).statusCode()).isEqualTo(200);
    assertThat(stored(file).getParticipant()).noneMatch(p -> colleague.equals(p.getMember().getReference()));
  }

  @Test
  default void endingAParticipation_removesTheMember_soOnlyThePersonMayDoIt() {
    PersonFile file = PersonFile.load(this);
    String team = file.path(CARE_TEAM);

    refusedByTheRule(member(file).put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))));
    refusedByTheRule(coordinator(file).put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))));
    assertThat(member(file).put(team, FHIR_JSON, changed(file, t -> t.setName("Team of the person"))).statusCode())
        .as("a change that leaves every participation as it was").isEqualTo(200);

    assertThat(person(file).put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))).statusCode())
        .isEqualTo(200);
  }

  /** A member adding a second entry that fills a gap in a colleague's participation adds time: refused. */
  @Test
  default void fillingAGapInAParticipation_addsTime() {
    PersonFile file = PersonFile.load(this);
    String other = file.id(OTHER_TEAM_ROLE);
    client().update().resource(changed(file, team -> {
      team.getParticipant().stream().filter(p -> other.equals(p.getMember().getReference()))
          .forEach(p -> p.getPeriod().setEnd(new Date(System.currentTimeMillis() - 86_400_000L * 30)));
      team.addParticipant().setMember(new Reference(other)).addRole(new CodeableConcept(new Coding(ROLE_SYSTEM,
          "care-provider", null)))
          .setPeriod(new Period().setStart(new Date(System.currentTimeMillis() + 86_400_000L * 30)));
    })).execute();
    FhirHttp otherMember = as(other, "user/*.cruds");
    assertOutcome(otherMember.get(file.path(CARE_PLAN)), 404);

    refusedByTheRule(member(file).put(file.path(CARE_TEAM), FHIR_JSON, changed(file, adding(other))));

    assertOutcome(otherMember.get(file.path(CARE_PLAN)), 404);
  }

  @Test
  default void aSecondTeamForThePerson_isCreatedByThePersonOrTheCoordinator_notByAMember() {
    PersonFile file = PersonFile.load(this);
    PersonFile elsewhere = PersonFile.twoPersons(this).get(1);
    String outsider = elsewhere.id(TEAM_ROLE);
    FhirHttp outsiderHttp = as(outsider, "user/*.cruds");
    int teams = teamsOf(file);

    refusedByTheRule(member(file).post("/fhir/CareTeam", FHIR_JSON, secondTeam(file, outsider)));
    assertThat(teamsOf(file)).isEqualTo(teams);
    assertOutcome(outsiderHttp.get(file.path(CARE_PLAN)), 404);

    assertThat(coordinator(file).post("/fhir/CareTeam", FHIR_JSON, secondTeam(file, outsider)).statusCode())
        .isEqualTo(201);
    assertThat(person(file).post("/fhir/CareTeam", FHIR_JSON, secondTeam(file, outsider)).statusCode())
        .isEqualTo(201);
    assertThat(teamsOf(file)).isEqualTo(teams + 2);
    assertThat(outsiderHttp.get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);
  }

  @Test
  default void endingInactivatingOrDeletingTheTeam_isThePersons() {
    PersonFile file = PersonFile.load(this);
    String team = file.path(CARE_TEAM);
    String version = stored(file).getMeta().getVersionId();
    // A team nothing else refers to (the plan refers to the first), so that deleting it can succeed.
    String second = "/fhir/" + client().create().resource(secondTeam(file, file.id(TEAM_ROLE))).execute().getId()
        .toUnqualifiedVersionless().getValue();
    String endPeriod = "[{\"op\":\"add\",\"path\":\"/period/end\",\"value\":\"2026-10-01\"}]";

    refusedByTheRule(member(file).put(team, FHIR_JSON,
        changed(file, t -> t.setStatus(CareTeam.CareTeamStatus.INACTIVE))));
    refusedByTheRule(member(file).put(team, FHIR_JSON,
        changed(file, t -> t.setStatus(CareTeam.CareTeamStatus.ENTEREDINERROR))));
    refusedByTheRule(coordinator(file).put(team, FHIR_JSON,
        changed(file, t -> t.setStatus(CareTeam.CareTeamStatus.SUSPENDED))));
    refusedByTheRule(member(file).patch(team, JSON_PATCH, endPeriod));
    refusedByTheRule(delete(member(file), second));
    refusedByTheRule(delete(coordinator(file), second));
    assertThat(stored(file).getMeta().getVersionId()).isEqualTo(version);
    assertThat(http().get(second).statusCode()).isEqualTo(200);
    assertThat(member(file).get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);

    assertThat(delete(person(file), second).statusCode()).isIn(200, 204);
    assertOutcome(http().get(second), 410);
    assertThat(person(file).patch(team, JSON_PATCH, endPeriod).statusCode()).isEqualTo(200);
    assertOutcome(member(file).get(file.path(CARE_PLAN)), 404);
    assertThat(person(file).put(team, FHIR_JSON, changed(file, t -> t.setStatus(CareTeam.CareTeamStatus.INACTIVE)))
        .statusCode()).isEqualTo(200);
  }

  /** The representative decides as the person; a member cannot make themselves one, not even in a transaction. */
  @Test
  default void aRepresentative_decidesAsThePerson_butNobodyMakesThemselvesOne() {
    PersonFile file = PersonFile.load(this);
    String team = file.path(CARE_TEAM);
    String self = file.id(TEAM_ROLE);

    refusedByTheRule(member(file).put(team, FHIR_JSON, changed(file, adding(self, "representative"))));
    refusedByTheRule(coordinator(file).put(team, FHIR_JSON, changed(file, adding(self, "representative"))));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(FHIR.newJsonParser().parseResource(CareTeam.class,
        changed(file, adding(self, "representative")))).getRequest().setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(file.id(CARE_TEAM));
    refusedByTheRule(member(file).post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(transaction)));
    assertThat(stored(file).getParticipant()).noneMatch(p -> p.getRole().stream()
        .anyMatch(r -> r.hasCoding(ROLE_SYSTEM, "representative")));

    client().update().resource(changed(file, adding(self, "representative"))).execute();

    assertThat(member(file).put(team, FHIR_JSON, changed(file, ending(file.id(OTHER_TEAM_ROLE)))).statusCode())
        .isEqualTo(200);
    assertOutcome(as(file.id(OTHER_TEAM_ROLE), "user/*.cruds").get(file.path(CARE_PLAN)), 404);
  }

  @Test
  default void aTransactionOfAMember_creatingATeam_isRefusedWhole_oneOfThePerson_isStored() {
    PersonFile file = PersonFile.load(this);
    String outsider = PersonFile.twoPersons(this).get(1).id(TEAM_ROLE);
    int teams = teamsOf(file);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(FHIR.newJsonParser().parseResource(CareTeam.class, secondTeam(file, outsider)))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("CareTeam");
    transaction.addEntry().setResource(FHIR.newJsonParser().parseResource(CareTeam.class,
        changed(file, t -> t.setName("Renamed in the same transaction")))).getRequest().setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(file.id(CARE_TEAM));
    String body = FHIR.newJsonParser().encodeResourceToString(transaction);

    refusedByTheRule(member(file).post("/fhir", FHIR_JSON, body));
    assertThat(teamsOf(file)).isEqualTo(teams);
    assertThat(stored(file).getName()).isNotEqualTo("Renamed in the same transaction");

    assertThat(person(file).post("/fhir", FHIR_JSON, body).statusCode()).isEqualTo(200);
    assertThat(teamsOf(file)).isEqualTo(teams + 1);
    assertThat(stored(file).getName()).isEqualTo("Renamed in the same transaction");
  }
}
