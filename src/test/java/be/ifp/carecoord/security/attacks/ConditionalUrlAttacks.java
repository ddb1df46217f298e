package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, class 4: conditional URLs are platform tools. A professional's conditional delete,
 * update or patch on {@code Patient?identifier=<SSIN>}, and an If-None-Exist matching another
 * person, are refused (403, never a 500) with the same answer whether the SSIN is someone's or
 * nobody's, and change or store nothing. Each attack aims at a person of its own, so that one
 * that comes through spoils no other test.
 */
interface ConditionalUrlAttacks extends AttackSupport {

  private static String bySsin(String ssin) {
    return TargetPerson.bySsin(ssin);
  }

  private static String patientWithSsin(String ssin) {
    Patient patient = be.ifp.carecoord.support.TestData.patient(be.ifp.carecoord.support.TestData.uniqueValue());
    patient.getIdentifierFirstRep().setSystem(TargetPerson.SSIN_SYSTEM).setValue(ssin);
    patient.getNameFirstRep().setFamily("Overwritten");
    return AttackSupport.json(patient);
  }

  /**
   * Sends the attack for the target's SSIN and for nobody's: both refused alike, the target's
   * Patient unchanged and nobody created.
   */
  private void assertNoOracle(Function<String, HttpResponse<String>> attackOnSsin) {
    TargetPerson target = TargetPerson.store(this);
    String patient = target.id(PATIENT);
    String before = Stored.version(this, patient);
    int nobodyBefore = Stored.count(this, "Patient?" + bySsin(TargetPerson.NOBODYS_SSIN));
    try {
      HttpResponse<String> someone = attackOnSsin.apply(target.ssin());
      HttpResponse<String> nobody = attackOnSsin.apply(TargetPerson.NOBODYS_SSIN);

      assertThat(someone.statusCode()).as("never a server error: %s", someone.body()).isLessThan(500);
      assertRefused(someone, 403);
      target.assertNothingOfHersIn(someone);
      assertRefused(nobody, 403);
      AttackSupport.assertSameRefusal(someone, nobody, target.ssin(), TargetPerson.NOBODYS_SSIN);
      assertThat(Stored.version(this, patient)).isEqualTo(before);
      assertThat(Stored.count(this, "Patient?" + bySsin(TargetPerson.NOBODYS_SSIN))).isEqualTo(nobodyBefore);
    } finally {
      // Nobody's SSIN must stay nobody's for the next attack.
      AttackSupport.bundle(http().get("/fhir/Patient?" + bySsin(TargetPerson.NOBODYS_SSIN))).getEntry()
          .forEach(e -> delete(http(), "/fhir/Patient/" + e.getResource().getIdPart()));
    }
  }

  @Test
  default void conditionalDelete_onAnSsin_isRefused_alikeForSomeoneAndNobody() {
    assertNoOracle(ssin -> delete(p1(), "/fhir/Patient?" + bySsin(ssin)));
  }

  @Test
  default void conditionalUpdate_onAnSsin_isRefused_alikeForSomeoneAndNobody() {
    assertNoOracle(ssin -> p1().put("/fhir/Patient?" + bySsin(ssin), FHIR_JSON, patientWithSsin(ssin)));
  }

  @Test
  default void conditionalPatch_onAnSsin_isRefused_alikeForSomeoneAndNobody() {
    assertNoOracle(ssin -> p1().patch("/fhir/Patient?" + bySsin(ssin), JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/active\",\"value\":false}]"));
  }

  @Test
  default void ifNoneExist_matchingAnotherPerson_isRefused_notAServerError() {
    assertNoOracle(ssin -> p1().post("/fhir/Patient", FHIR_JSON, patientWithSsin(ssin), "If-None-Exist", bySsin(ssin).replace("%7C", "|")));
  }

  @Test
  default void conditionalEntries_ofATransaction_areRefused() {
    assertNoOracle(ssin -> {
      Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Patient?" + bySsin(ssin));
      return p1().post("/fhir", FHIR_JSON, AttackSupport.json(transaction));
    });
  }

  @Test
  default void conditionalEntries_ofATransaction_createNothing() {
    assertNoOracle(ssin -> {
      Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      transaction.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
          .setResource(AttackSupport.parse(Patient.class, patientWithSsin(ssin)))
          .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist(bySsin(ssin));
      return p1().post("/fhir", FHIR_JSON, AttackSupport.json(transaction));
    });
  }

  @Test
  default void platform_conditionalCreate_findsTheExistingPerson() {
    TargetPerson target = TargetPerson.store(this);

    HttpResponse<String> answer =
        http().post("/fhir/Patient", FHIR_JSON, patientWithSsin(target.ssin()), "If-None-Exist", bySsin(target.ssin()).replace("%7C", "|"));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(Stored.count(this, "Patient?" + bySsin(target.ssin()))).isEqualTo(1);
  }
}
