package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.CARE_TEAM;
import static be.ifp.carecoord.security.PersonFile.OTHER_TEAM_ROLE;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.RELATED_PERSON;
import static be.ifp.carecoord.security.PersonFile.TEAM_PRACTITIONER;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The person in control, through the real REST API: a Consent by which the person refuses a
 * professional shuts that professional out whatever the team says; an informal carer the person
 * authorises by a Consent reads the person's plan (IFP-AC-03), and no one else's; and those
 * Consents are the person's own: only she, her representative or a platform writes them.
 */
public interface PersonControlContract extends FhirServerAccess {

  /** A Consent of the person by which they permit or refuse the actor. */
  static Consent consent(PersonFile file, ConsentProvisionType type, String actor) {
    Consent consent = new Consent();
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.setScope(new CodeableConcept(
        new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent")));
    consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
    consent.setPatient(new Reference(file.id(PATIENT)));
    consent.addPerformer(new Reference(file.id(PATIENT)));
    consent.addPolicy().setUri("https://ifp-carecoord.github.io/fhir/policy/access");
    consent.getProvision().setType(type).addActor()
        .setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
            "information recipient")))
        .setReference(new Reference(actor));
    return consent;
  }

  @Test
  default void aPersonsRefusal_shutsOutTheProfessional_despiteTheTeam() {
    PersonFile refusing = PersonFile.load(this);
    FhirHttp member = http().withToken(TestTokens.user(refusing.id(TEAM_ROLE), "user/*.cruds"));
    assertThat(member.get(refusing.path(CARE_PLAN)).statusCode()).isEqualTo(200);

    client().create().resource(consent(refusing, ConsentProvisionType.DENY, refusing.id(TEAM_ROLE))).execute();

    assertOutcome(member.get(refusing.path(CARE_PLAN)), 404);
    assertOutcome(member.get(refusing.path(PATIENT)), 404);
  }

  @Test
  default void aRefusalOfThePractitioner_shutsOutEachOfTheirRoles() {
    PersonFile refusing = PersonFile.load(this);
    FhirHttp member = http().withToken(TestTokens.user(refusing.id(TEAM_ROLE), "user/*.cruds"));
    assertThat(member.get(refusing.path(CARE_PLAN)).statusCode()).isEqualTo(200);

    client().create().resource(consent(refusing, ConsentProvisionType.DENY, refusing.id(TEAM_PRACTITIONER)))
        .execute();

    assertOutcome(member.get(refusing.path(CARE_PLAN)), 404);
  }

  @Test
  default void anInformalCarerAuthorisedByThePerson_readsThePlan_ofThatPersonOnly() {
    PersonFile file = PersonFile.twoPersons(this).get(0);
    PersonFile other = PersonFile.twoPersons(this).get(1);
    FhirHttp carer = http().withToken(TestTokens.user(file.id(RELATED_PERSON), "user/*.rs"));
    assertOutcome(carer.get(file.path(CARE_PLAN)), 404);

    client().create().resource(consent(file, ConsentProvisionType.PERMIT, file.id(RELATED_PERSON))).execute();

    assertThat(carer.get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertOutcome(carer.get(other.path(CARE_PLAN)), 404);
  }

  /** A professional or carer of the file, with every user/ scope. */
  private FhirHttp as(PersonFile file, String who) {
    return http().withToken(TestTokens.user(file.id(who), "user/*.cruds"));
  }

  private FhirHttp thePerson(PersonFile file) {
    return http().withToken(TestTokens.user(file.id(PATIENT), "patient/*.cruds"));
  }

  private static HttpResponse<String> delete(FhirHttp as, String path) {
    return as.method("DELETE", path, FHIR_JSON, BodyPublishers.noBody());
  }

  private static String json(Consent consent) {
    return FHIR.newJsonParser().encodeResourceToString(consent);
  }

  private int consentsOf(PersonFile file) {
    HttpResponse<String> found = http().get("/fhir/Consent?patient=" + file.id(PATIENT) + "&_summary=count");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, found.body()).getTotal();
  }

  /** A 403 that says whose decision a Consent is, and nothing of the Consent. */
  private static void refusedAsThePersons(HttpResponse<String> response) {
    OperationOutcome outcome = assertOutcome(response, 403);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("only the person, their representative or a"
        + " platform");
    assertThat(response.body()).doesNotContain("PractitionerRole/").doesNotContain("Consent/");
  }

  /** Makes {@code member} a representative in the file's team, as a platform would record it. */
  private void makeRepresentative(PersonFile file, String member) {
    CareTeam team = client().read().resource(CareTeam.class).withId(file.id(CARE_TEAM)).execute();
    team.addParticipant().setMember(new Reference(member)).setPeriod(new Period().setStart(new Date()))
        .addRole(new CodeableConcept(new Coding(TeamMembershipContract.ROLE_SYSTEM, "representative", null)));
    client().update().resource(team).execute();
  }

  /** Attack 8 of issue 14: a team member deletes the person's refusal of a colleague, who then reads her plan. */
  @Test
  default void aTeamMember_neitherDeletesNorChangesThePersonsRefusal_thePersonDoes() {
    PersonFile file = PersonFile.load(this);
    FhirHttp member = as(file, TEAM_ROLE);
    FhirHttp refused = as(file, OTHER_TEAM_ROLE);
    FhirHttp person = thePerson(file);
    Consent refusal = consent(file, ConsentProvisionType.DENY, file.id(OTHER_TEAM_ROLE));
    String id = client().create().resource(refusal).execute().getId().toUnqualifiedVersionless().getValue();
    String path = "/fhir/" + id;
    assertOutcome(refused.get(file.path(CARE_PLAN)), 404);
    Consent stored = client().read().resource(Consent.class).withUrl(id).execute();
    String withdrawn = json(stored.copy().setStatus(Consent.ConsentState.INACTIVE));

    refusedAsThePersons(delete(member, path));
    refusedAsThePersons(member.put(path, FHIR_JSON, withdrawn));
    refusedAsThePersons(member.patch(path, TeamMembershipContract.JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"inactive\"}]"));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(id);
    refusedAsThePersons(member.post("/fhir", FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(transaction)));
    assertThat(http().get(path).statusCode()).isEqualTo(200);
    assertThat(client().read().resource(Consent.class).withUrl(id).execute().getMeta().getVersionId())
        .isEqualTo(stored.getMeta().getVersionId());
    assertOutcome(refused.get(file.path(CARE_PLAN)), 404);
    Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
      Bundle events = FHIR.newJsonParser().parseResource(Bundle.class, http().get("/fhir/AuditEvent?patient="
          + file.id(PATIENT) + "&outcome=4&agent=" + file.id(TEAM_ROLE) + "&action=D").body());
      assertThat(events.getEntry()).as("the person's log shows who tried").isNotEmpty();
    });

    assertThat(person.put(path, FHIR_JSON, withdrawn).statusCode()).isEqualTo(200);
    assertThat(delete(person, path).statusCode()).isIn(200, 204);
    assertThat(refused.get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);
  }

  @Test
  default void aRefusalInThePersonsName_isNotTheMembersToCreate_norACarersToCreateThroughATransaction() {
    PersonFile file = PersonFile.load(this);
    FhirHttp member = as(file, TEAM_ROLE);
    FhirHttp carer = as(file, RELATED_PERSON);
    FhirHttp colleague = as(file, OTHER_TEAM_ROLE);
    client().create().resource(consent(file, ConsentProvisionType.PERMIT, file.id(RELATED_PERSON))).execute();
    Consent refusal = consent(file, ConsentProvisionType.DENY, file.id(OTHER_TEAM_ROLE));
    int consents = consentsOf(file);

    refusedAsThePersons(member.post("/fhir/Consent", FHIR_JSON, json(refusal)));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(refusal).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Consent");
    String body = FHIR.newJsonParser().encodeResourceToString(transaction);
    refusedAsThePersons(carer.post("/fhir", FHIR_JSON, body));
    refusedAsThePersons(member.post("/fhir", FHIR_JSON, body));
    assertThat(consentsOf(file)).isEqualTo(consents);
    assertThat(colleague.get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);

    assertThat(thePerson(file).post("/fhir", FHIR_JSON, body).statusCode()).isEqualTo(200);
    assertThat(consentsOf(file)).isEqualTo(consents + 1);
    assertOutcome(colleague.get(file.path(CARE_PLAN)), 404);
  }

  /** A representative (here a professional, and the informal carer) decides as the person; a plain carer does not. */
  @Test
  default void theRepresentative_writesThePersonsConsents() {
    PersonFile file = PersonFile.load(this);
    FhirHttp member = as(file, TEAM_ROLE);
    FhirHttp carer = as(file, RELATED_PERSON);
    client().create().resource(consent(file, ConsentProvisionType.PERMIT, file.id(RELATED_PERSON))).execute();
    String refusal = json(consent(file, ConsentProvisionType.DENY, file.id(OTHER_TEAM_ROLE)));
    refusedAsThePersons(carer.post("/fhir/Consent", FHIR_JSON, refusal));
    refusedAsThePersons(member.post("/fhir/Consent", FHIR_JSON, refusal));

    makeRepresentative(file, file.id(RELATED_PERSON));
    makeRepresentative(file, file.id(TEAM_ROLE));

    HttpResponse<String> byCarer = carer.post("/fhir/Consent", FHIR_JSON, refusal);
    assertThat(byCarer.statusCode()).as(byCarer.body()).isEqualTo(201);
    String path = byCarer.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/fhir/", "/fhir/").replaceAll("/_history/.*", "");
    assertThat(delete(member, path).statusCode()).isIn(200, 204);
  }
}
