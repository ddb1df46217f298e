package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.RELATED_PERSON;
import static be.ifp.carecoord.security.PersonFile.TEAM_PRACTITIONER;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestTokens;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The person in control, through the real REST API: a Consent by which the person refuses a
 * professional shuts that professional out whatever the team says; an informal carer the person
 * authorises by a Consent reads the person's plan (IFP-AC-03), and no one else's.
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
}
