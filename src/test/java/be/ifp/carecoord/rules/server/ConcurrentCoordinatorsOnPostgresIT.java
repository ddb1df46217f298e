package be.ifp.carecoord.rules.server;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.PostgresServerTest;
import be.ifp.carecoord.support.SecondInstance;
import be.ifp.carecoord.support.TestData;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * IFP-TM-04 (one coordinator per person) under concurrent writes: two server instances on one
 * PostgreSQL database receive, at the same moment, teams for the same persons with different
 * coordinators. Exactly one coordinator (individual) may remain per person, and every refused
 * write is a 422 (the rule) or a 409 (retry), never a 500.
 */
class ConcurrentCoordinatorsOnPostgresIT extends PostgresServerTest {

  private static final int PERSONS = 10;
  private static final String NURSE_ROLE = "PractitionerRole/nurse-as-reimbursable-coordinator";
  private static final String GP_ROLE = "PractitionerRole/gp-as-reimbursable-coordinator";

  @Test
  void conflictingCoordinatorsThroughTwoInstances_leaveOneCoordinatorPerPerson() throws Exception {
    ConformanceExamples.loadValid(this);
    storeGpCoordinatorRole();
    List<String> persons = new ArrayList<>();
    for (int i = 0; i < PERSONS; i++) {
      persons.add(storePersonWithAgreements("concurrent-" + i));
    }
    FhirHttp first = http();
    FhirHttp second = SecondInstance.http();

    // Per person: the nurse and the GP, each through both instances, all released at once.
    List<Write> writes = new ArrayList<>();
    for (String person : persons) {
      writes.add(new Write(person, NURSE_ROLE, first));
      writes.add(new Write(person, GP_ROLE, second));
      writes.add(new Write(person, GP_ROLE, first));
      writes.add(new Write(person, NURSE_ROLE, second));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<HttpResponse<String>>> results = new ArrayList<>();
    for (Write write : writes) {
      results.add(pool.submit(() -> {
        start.await();
        return write.server.post("/fhir/CareTeam", FHIR_JSON, teamJson(write.person, write.coordinator));
      }));
    }
    start.countDown();
    int created = 0;
    for (Future<HttpResponse<String>> result : results) {
      HttpResponse<String> response = result.get();
      assertThat(response.statusCode()).as(response.body()).isIn(201, 409, 422);
      if (response.statusCode() == 422) {
        assertThat(response.body()).contains("IFP-TM-04");
      }
      created += response.statusCode() == 201 ? 1 : 0;
    }
    pool.shutdown();

    assertThat(created).isGreaterThanOrEqualTo(PERSONS);
    for (String person : persons) {
      assertThat(coordinatorsOf(person)).as("coordinators of %s", person).hasSize(1);
    }
  }

  private record Write(String person, String coordinator, FhirHttp server) {}

  /** The GP as a second reimbursable coordinator, from the IG's IFP-TM-04 example. */
  private void storeGpCoordinatorRole() {
    Bundle example = FHIR.newJsonParser().parseResource(Bundle.class, ConformanceExamples.read(
        ConformanceExamples.INVALID.resolve("Bundle-ifp-tm-04-two-coordinators-overlap.json")));
    PractitionerRole role = (PractitionerRole) example.getEntry().get(0).getResource();
    role.setId(GP_ROLE);
    put(role);
  }

  /** A new person, and their agreements with both coordinators (IFP-TM-06). */
  private String storePersonWithAgreements(String id) {
    Patient patient = (Patient) FHIR.newJsonParser().parseResource(
        ConformanceExamples.read(ConformanceExamples.EXAMPLES.resolve("Patient-maria.json")));
    patient.setId(id);
    patient.setIdentifier(List.of(new Identifier().setSystem(TestData.TEST_SYSTEM).setValue(id)));
    put(patient);
    for (String role : List.of(NURSE_ROLE, GP_ROLE)) {
      Consent agreement = (Consent) FHIR.newJsonParser().parseResource(ConformanceExamples.read(
          ConformanceExamples.EXAMPLES.resolve("Consent-coordinator-agreement-by-maria.json")));
      agreement.setId(id + "-agreement-" + role.substring(role.indexOf('/') + 1));
      agreement.setPatient(new Reference("Patient/" + id));
      agreement.setPerformer(List.of(new Reference("Patient/" + id)));
      agreement.getProvision().getActorFirstRep().setReference(new Reference(role));
      put(agreement);
    }
    return "Patient/" + id;
  }

  /** Maria's team, for another person, with the given coordinator. */
  private static String teamJson(String person, String coordinator) {
    CareTeam team = (CareTeam) FHIR.newJsonParser().parseResource(ConformanceExamples.read(
        ConformanceExamples.EXAMPLES.resolve("CareTeam-team-with-reimbursable-coordinator.json")));
    team.setId((String) null);
    team.setIdentifier(List.of(new Identifier().setSystem(TestData.TEST_SYSTEM).setValue(TestData.uniqueValue())));
    team.setSubject(new Reference(person));
    team.getParticipant().removeIf(p -> IfpData.hasRole(p, IfpData.ROLE_INFORMAL_CARER));
    team.getParticipant().forEach(p -> {
      if (IfpData.hasRole(p, IfpData.ROLE_PERSON)) {
        p.setMember(new Reference(person));
      } else if (IfpData.isCoordinator(p)) {
        p.setMember(new Reference(coordinator));
      }
    });
    return FHIR.newJsonParser().encodeResourceToString(team);
  }

  /** The distinct coordinator roles over the person's stored teams. */
  private Set<String> coordinatorsOf(String person) {
    Bundle teams = client().search().byUrl("CareTeam?subject=" + person + "&_count=100")
        .returnBundle(Bundle.class).execute();
    return teams.getEntry().stream()
        .map(e -> (CareTeam) e.getResource())
        .flatMap(t -> t.getParticipant().stream())
        .filter(IfpData::isCoordinator)
        .map(p -> p.getMember().getReference())
        .collect(Collectors.toSet());
  }

  private void put(org.hl7.fhir.r4.model.Resource resource) {
    HttpResponse<String> response = http().put(
        "/fhir/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart(), FHIR_JSON,
        FHIR.newJsonParser().encodeResourceToString(resource));
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }
}
