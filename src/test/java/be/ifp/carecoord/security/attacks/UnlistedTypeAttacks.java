package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestTokens;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, class 5: types outside the access policy's table (docs/security.md) are refused (403, or 404 as an unknown
 * type), to professionals and platforms alike: no Task, Binary, Bundle, GuidanceResponse or
 * Provenance about B is read or listed, and none is created.
 */
interface UnlistedTypeAttacks extends AttackSupport {

  private UnlistedData unlisted() {
    return UnlistedData.of(this, theirs());
  }

  private void assertNotServed(FhirHttp caller, String... paths) {
    for (String path : paths) {
      assertRefused(caller.get(path), 403, 404);
    }
  }

  @Test
  default void professional_cannotReadOrListTasks() {
    assertNotServed(p1(), "/fhir/" + unlisted().task(), "/fhir/Task?patient=" + theirs().id(PATIENT), "/fhir/Task",
        "/fhir/Task?_content=" + theirs().family());
  }

  @Test
  default void professional_cannotCreateATask_forAnotherPerson_orTheirOwn() {
    int before = Stored.count(this, "Task?patient=" + theirs().id(PATIENT));
    int ownBefore = Stored.count(this, "Task?patient=" + ours().id(PATIENT));

    assertRefused(p1().post("/fhir/Task", FHIR_JSON,
        AttackSupport.json(UnlistedData.taskFor(theirs().id(PATIENT), "B"))), 403, 404);
    assertRefused(p1().post("/fhir/Task", FHIR_JSON,
        AttackSupport.json(UnlistedData.taskFor(ours().id(PATIENT), "A"))), 403, 404);

    assertThat(Stored.count(this, "Task?patient=" + theirs().id(PATIENT))).isEqualTo(before);
    assertThat(Stored.count(this, "Task?patient=" + ours().id(PATIENT))).isEqualTo(ownBefore);
  }

  @Test
  default void professional_cannotReadBinaries_orBundles() {
    assertNotServed(p1(), "/fhir/" + unlisted().binary(), "/fhir/" + unlisted().bundle(), "/fhir/Bundle",
        "/fhir/Bundle?composition.subject=" + theirs().id(PATIENT));
  }

  @Test
  default void professional_cannotReadGuidanceResponses_orProvenance() {
    assertNotServed(p1(), "/fhir/" + unlisted().guidanceResponse(),
        "/fhir/GuidanceResponse?subject=" + theirs().id(PATIENT), "/fhir/" + unlisted().provenance(),
        "/fhir/Provenance?target=" + theirs().id(CARE_PLAN), "/fhir/Provenance?patient=" + theirs().id(PATIENT));
  }

  @Test
  default void professional_cannotCreateProvenance_evenForTheirOwnPersonsPlan() {
    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference(ours().id(CARE_PLAN))).setRecorded(new java.util.Date());
    provenance.addAgent().setWho(new Reference(ours().id(be.ifp.carecoord.security.PersonFile.TEAM_ROLE)));
    int before = Stored.count(this, "Provenance?target=" + ours().id(CARE_PLAN));

    assertRefused(p1().post("/fhir/Provenance", FHIR_JSON, AttackSupport.json(provenance)), 403, 404);

    assertThat(Stored.count(this, "Provenance?target=" + ours().id(CARE_PLAN))).isEqualTo(before);
  }

  @Test
  default void platform_isRefusedTypesOutsideTheTable_too() {
    FhirHttp platform = as(TestTokens.platform());
    int before = Stored.count(this, "Task?patient=" + ours().id(PATIENT));

    assertRefused(platform.post("/fhir/Task", FHIR_JSON,
        AttackSupport.json(UnlistedData.taskFor(ours().id(PATIENT), "A"))), 403, 404);
    assertNotServed(platform, "/fhir/" + unlisted().task(), "/fhir/" + unlisted().binary());

    assertThat(Stored.count(this, "Task?patient=" + ours().id(PATIENT))).isEqualTo(before);
  }

  @Test
  default void professional_readsTheirPersonsPlan() {
    assertThat(p1().get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
  }
}
