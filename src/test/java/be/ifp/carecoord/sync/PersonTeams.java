package be.ifp.carecoord.sync;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Persons of their own for each test, with teams made from Maria's (the IG examples, which
 * must be stored): her professionals, without her daughter and without a coordinator, whom the
 * person would first have to agree to (IFP-TM-06).
 */
final class PersonTeams {

  private PersonTeams() {}

  /** A new person like Maria; returns the reference, {@code Patient/<id>}. */
  static String storePerson(FhirServerAccess server) {
    String id = "person-" + TestData.uniqueValue();
    Patient patient = example(Patient.class, "Patient-maria.json");
    patient.setId(id);
    patient.setIdentifier(List.of(new Identifier().setSystem(TestData.TEST_SYSTEM).setValue(id)));
    HttpResponse<String> response = server.http().put("/fhir/Patient/" + id, FHIR_JSON, json(patient));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return "Patient/" + id;
  }

  /** A team for the person, to be created (no id). */
  static CareTeam teamOf(String person) {
    CareTeam team = example(CareTeam.class, "CareTeam-team-with-reimbursable-coordinator.json");
    team.setIdElement(null);
    team.setIdentifier(List.of(new Identifier().setSystem(TestData.TEST_SYSTEM).setValue(TestData.uniqueValue())));
    team.setSubject(new Reference(person));
    team.getParticipant().removeIf(p -> IfpData.hasRole(p, IfpData.ROLE_INFORMAL_CARER) || IfpData.isCoordinator(p));
    team.getParticipant().stream().filter(p -> IfpData.hasRole(p, IfpData.ROLE_PERSON))
        .forEach(p -> p.setMember(new Reference(person)));
    return team;
  }

  static String json(Resource resource) {
    return FhirServerAccess.FHIR.newJsonParser().encodeResourceToString(resource);
  }

  private static <T extends Resource> T example(Class<T> type, String file) {
    return FhirServerAccess.FHIR.newJsonParser()
        .parseResource(type, ConformanceExamples.read(ConformanceExamples.EXAMPLES.resolve(file)));
  }
}
