package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.ASSESSMENT;
import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.CARE_TEAM;
import static be.ifp.carecoord.security.PersonFile.CASE_MANAGER_ROLE;
import static be.ifp.carecoord.security.PersonFile.EPISODE;
import static be.ifp.carecoord.security.PersonFile.GOAL;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_PRACTITIONER;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * IFP-AC-01 through the real REST API: a professional with user/ scopes reaches the persons of
 * their care teams and case management, and nothing of anyone else, by no route (read, search
 * and its total, _include/_revinclude, _has, history, PATCH, update, delete, transaction, batch).
 * Another person's resource answers 404, like one that does not exist.
 */
public interface TeamAccessContract extends FhirServerAccess {

  private PersonFile ours() {
    return PersonFile.twoPersons(this).get(0);
  }

  private PersonFile theirs() {
    return PersonFile.twoPersons(this).get(1);
  }

  /** The care provider of our person's team, as a PractitionerRole. */
  private FhirHttp teamMember() {
    return http().withToken(TestTokens.user(ours().id(TEAM_ROLE), "user/*.cruds"));
  }

  private static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
  }

  @Test
  default void teamMember_readsTheirPersonsData_notAnotherPersons() {
    for (String resource : List.of(PATIENT, CARE_PLAN, CARE_TEAM, GOAL, EPISODE, ASSESSMENT)) {
      assertThat(teamMember().get(ours().path(resource)).statusCode()).as(resource).isEqualTo(200);
      assertOutcome(teamMember().get(theirs().path(resource)), 404);
      assertOutcome(teamMember().get(theirs().path(resource) + "/_history/1"), 404);
    }
  }

  @Test
  default void anotherPersonsResource_answersLikeOneThatDoesNotExist() {
    HttpResponse<String> hidden = teamMember().get(theirs().path(CARE_PLAN));
    HttpResponse<String> missing = teamMember().get("/fhir/CarePlan/does-not-exist-" + System.nanoTime());

    assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
  }

  @Test
  default void professional_seesWhomTheyAreLinkedToBy_practitionerOrAnyOfItsRoles_orAsCaseManager() {
    FhirHttp asPractitioner = http().withToken(TestTokens.user(ours().id(TEAM_PRACTITIONER), "user/*.rs"));
    FhirHttp asCaseManager = http().withToken(TestTokens.user(ours().id(CASE_MANAGER_ROLE), "user/*.rs"));
    FhirHttp outsider = http().withToken(TestTokens.user(theirs().id(CASE_MANAGER_ROLE), "user/*.rs"));

    assertThat(asPractitioner.get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertThat(asCaseManager.get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertOutcome(outsider.get(ours().path(CARE_PLAN)), 404);
  }

  /**
   * The token's issuer is trusted for users of this server; a user of another server is nobody
   * here: a user the policy tells apart from no one, who reaches no person (403).
   */
  @Test
  default void aUserOfAnotherServer_isNotTheLocalUserWithTheSameId() {
    FhirHttp elsewhere = http().withToken(TestTokens.user(
        "https://elsewhere.example/fhir/" + ours().id(TEAM_ROLE), "user/*.rs"));
    FhirHttp local = http().withToken(TestTokens.user(ours().id(TEAM_ROLE), "user/*.rs"));

    assertOutcome(elsewhere.get(ours().path(CARE_PLAN)), 403);
    assertThat(local.get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
  }

  @Test
  default void searches_returnAndCountOnlyTheirPersons() {
    Bundle plans = bundle(teamMember().get("/fhir/CarePlan?_total=accurate&_count=200"));
    Bundle patients = bundle(teamMember().get("/fhir/Patient?_total=accurate&_count=200"));

    assertThat(ids(plans)).contains(ours().id(CARE_PLAN)).doesNotContain(theirs().id(CARE_PLAN));
    assertThat(plans.getTotal()).isEqualTo(plans.getEntry().size());
    assertThat(ids(patients)).containsExactly(ours().id(PATIENT));
    assertThat(patients.getTotal()).isEqualTo(1);
  }

  /** A search that names persons is checked person by person, and keeps only the caller's. */
  @Test
  default void searchesNamingPersons_returnOnlyTheirPersons() {
    Bundle named = bundle(teamMember().get("/fhir/CarePlan?subject=" + ours().id(PATIENT)));
    Bundle both = bundle(teamMember().get("/fhir/CarePlan?subject=" + ours().id(PATIENT) + "," + theirs().id(PATIENT)));
    Bundle byId = bundle(teamMember().get("/fhir/Observation?patient=" + ours().idPart(PATIENT)));

    assertThat(ids(named)).contains(ours().id(CARE_PLAN)).doesNotContain(theirs().id(CARE_PLAN));
    assertThat(ids(both)).contains(ours().id(CARE_PLAN)).doesNotContain(theirs().id(CARE_PLAN));
    assertThat(ids(byId)).isNotEmpty();
  }

  @Test
  default void askingForAnotherPerson_isRefusedAlike_whetherTheyExistOrNot() {
    String nobody = "Patient/does-not-exist-" + System.nanoTime();

    assertOutcome(teamMember().get("/fhir/Goal?subject=" + theirs().id(PATIENT)), 403);
    assertOutcome(teamMember().get("/fhir/Goal?subject=" + nobody), 403);
    assertOutcome(teamMember().get("/fhir/Patient?_id=" + theirs().idPart(PATIENT)), 403);
    assertOutcome(teamMember().get("/fhir/Patient?_id=" + nobody.substring("Patient/".length())), 403);
  }

  @Test
  default void includes_neverBringAnotherPersonsResources() {
    // The other person's professional is in the directory; the teams that name them are not ours.
    Bundle revincluded = bundle(teamMember().get(
        "/fhir/PractitionerRole?_id=" + theirs().idPart(TEAM_ROLE) + "&_revinclude=CareTeam:participant"));
    Bundle included = bundle(teamMember().get(
        "/fhir/CarePlan?_id=" + ours().idPart(CARE_PLAN) + "&_include=CarePlan:subject&_include=CarePlan:care-team"));

    assertThat(ids(revincluded)).contains(theirs().id(TEAM_ROLE)).doesNotContain(theirs().id(CARE_TEAM));
    assertThat(ids(included)).contains(ours().id(PATIENT), ours().id(CARE_TEAM));
  }

  @Test
  default void routesAcrossPersons_areRefused() {
    assertOutcome(teamMember().get("/fhir/Practitioner?_has:CareTeam:participant:subject=" + theirs().id(PATIENT)), 403);
    assertOutcome(teamMember().get("/fhir/CarePlan/_history"), 403);
    assertOutcome(teamMember().get("/fhir/_history"), 403);
    assertOutcome(teamMember().get(theirs().path(PATIENT) + "/_history"), 404);
  }

  @Test
  default void writesToAnotherPersonsData_areRefused_andChangeNothing() {
    String goalPath = theirs().path(GOAL);
    String before = client().read().resource(org.hl7.fhir.r4.model.Goal.class).withId(theirs().id(GOAL)).execute()
        .getMeta().getVersionId();

    assertOutcome(teamMember().patch(goalPath, "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/lifecycleStatus\",\"value\":\"cancelled\"}]"), 404);
    String goal = FHIR.newJsonParser().encodeResourceToString(
        client().read().resource(org.hl7.fhir.r4.model.Goal.class).withId(theirs().id(GOAL)).execute());
    assertOutcome(teamMember().put(goalPath, FHIR_JSON, goal), 404);
    assertOutcome(teamMember().method("DELETE", goalPath, FHIR_JSON, BodyPublishers.noBody()), 404);
    assertOutcome(teamMember().post("/fhir/Observation", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(TestData.observationAbout(theirs().id(PATIENT)))), 403);

    assertThat(client().read().resource(org.hl7.fhir.r4.model.Goal.class).withId(theirs().id(GOAL)).execute()
        .getMeta().getVersionId()).isEqualTo(before);
  }

  @Test
  default void teamMember_writesForTheirPerson() {
    assertThat(teamMember().post("/fhir/Observation", FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(TestData.observationAbout(ours().id(PATIENT)))).statusCode())
        .isEqualTo(201);
  }

  @Test
  default void transactionsAndBatches_reachNoOtherPerson() {
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(theirs().id(CARE_PLAN));
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Goal?subject=" + theirs().id(PATIENT));
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(ours().id(CARE_PLAN));
    Bundle answer = bundle(teamMember().post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(batch)));

    assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("404");
    // A search naming another person is refused in its entry, as it is on its own.
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).startsWith("403");
    assertThat(answer.getEntry().get(1).getResource()).isNull();
    assertThat(answer.getEntry().get(2).getResponse().getStatus()).startsWith("200");

    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Resource observation = TestData.observationAbout(theirs().id(PATIENT));
    transaction.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    assertOutcome(teamMember().post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(transaction)), 403);
  }

  @Test
  default void directory_andOwnRole_areReadable() {
    assertThat(teamMember().get(ours().path(TEAM_ROLE)).statusCode()).isEqualTo(200);
    assertThat(teamMember().get(theirs().path(TEAM_PRACTITIONER)).statusCode()).isEqualTo(200);
    assertThat(bundle(teamMember().get("/fhir/Organization?_count=5")).getEntry()).isNotEmpty();
  }

  @Test
  default void person_readsOwnData_only() {
    FhirHttp person = http().withToken(TestTokens.user(ours().id(PATIENT), "patient/*.rs"));

    assertThat(person.get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertOutcome(person.get(theirs().path(CARE_PLAN)), 404);
    assertThat(ids(bundle(person.get("/fhir/Goal")))).isNotEmpty()
        .allSatisfy(id -> assertThat(id).isNotIn(theirs().id(GOAL)));
  }
}
