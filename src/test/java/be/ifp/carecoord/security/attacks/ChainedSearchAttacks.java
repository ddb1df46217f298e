package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestData;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, class 9: a chained parameter is an oracle on the persons it leads to. P1 plants a
 * reference to B in an Observation about A (focus = B), then asks whether B's name or SSIN
 * matches: chained searches are refused (403) for user callers, the same whether the name is B's
 * or nobody's, and the planting itself is a write naming another person.
 */
interface ChainedSearchAttacks extends AttackSupport {

  private void assertSameRefusal(String hit, String miss) {
    assertSameRefusal(p1(), hit, miss);
  }

  private void assertSameRefusal(FhirHttp caller, String hit, String miss) {
    HttpResponse<String> forB = caller.get(hit);
    HttpResponse<String> forNobody = caller.get(miss);
    assertRefused(forB, 403);
    assertRefused(forNobody, 403);
    AttackSupport.assertSameRefusal(forB, forNobody, theirs().family(), theirs().ssin(), "Nobodyknows",
        TargetPerson.NOBODYS_SSIN);
  }

  /**
   * P1's Observation about a person of their own (not A: a planted reference that came through
   * would show in A's file to the other tests) with focus = B; stored or not.
   */
  private FhirHttp plantingTeamMember(java.util.function.Consumer<HttpResponse<String>> planted) {
    PersonFile own = AttackScene.newPerson(this);
    FhirHttp teamMember = as(Attackers.teamMember(own, Attackers.ALL_USER_SCOPES));
    Observation observation = TestData.observationAbout(own.id(PATIENT));
    observation.addFocus(new Reference(theirs().id(PATIENT)));
    planted.accept(teamMember.post("/fhir/Observation", FHIR_JSON, AttackSupport.json(observation)));
    return teamMember;
  }

  @Test
  default void plantingAReferenceToAnotherPerson_isRefused_andStoresNothing() {
    int before = Stored.count(this, "Observation?focus=" + theirs().id(PATIENT));

    plantingTeamMember(answer -> assertRefused(answer, 403));

    assertThat(Stored.count(this, "Observation?focus=" + theirs().id(PATIENT))).isEqualTo(before);
  }

  @Test
  default void chainedSearch_throughAPlantedReference_isNoOracle() {
    FhirHttp teamMember = plantingTeamMember(answer -> { }); // refused or not: the searches must be

    assertSameRefusal(teamMember, "/fhir/Observation?focus:Patient.name=" + theirs().family() + "&_summary=count",
        "/fhir/Observation?focus:Patient.name=Nobodyknows&_summary=count");
    assertSameRefusal(teamMember, "/fhir/Observation?focus:Patient." + TargetPerson.bySsin(theirs().ssin()),
        "/fhir/Observation?focus:Patient." + TargetPerson.bySsin(TargetPerson.NOBODYS_SSIN));
  }

  @Test
  default void chainedSearches_intoPersons_areRefused() {
    assertSameRefusal("/fhir/Observation?subject.name=" + theirs().family(),
        "/fhir/Observation?subject.name=Nobodyknows");
    assertSameRefusal("/fhir/CarePlan?subject:Patient.name=" + theirs().family() + "&_summary=count",
        "/fhir/CarePlan?subject:Patient.name=Nobodyknows&_summary=count");
    assertSameRefusal("/fhir/Goal?subject." + TargetPerson.bySsin(theirs().ssin()),
        "/fhir/Goal?subject." + TargetPerson.bySsin(TargetPerson.NOBODYS_SSIN));
  }

  @Test
  default void plainSearch_ofTheirOwnPerson_isAnswered() {
    HttpResponse<String> own = p1().get("/fhir/Observation?subject=" + ours().id(PATIENT));

    assertThat(own.statusCode()).isEqualTo(200);
    theirs().assertNothingOfHersIn(own);
  }
}
