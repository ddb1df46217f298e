package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * Resources about person B of types outside the access policy's table (docs/security.md) (Task, Binary, a collection Bundle,
 * GuidanceResponse, Provenance), stored by the platform once per server while the server still
 * takes them. Once it refuses such types to everyone, a missing id stands in: the attacks on
 * them expect the same refusal either way.
 */
record UnlistedData(String task, String binary, String bundle, String guidanceResponse, String provenance) {

  private static final Map<String, UnlistedData> STORED = new ConcurrentHashMap<>();

  static UnlistedData of(FhirServerAccess server, TargetPerson theirs) {
    return STORED.computeIfAbsent(server.fhirBase(), base -> store(server, theirs));
  }

  static Task taskFor(String patient, String about) {
    Task task = new Task();
    task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setDescription("Visit " + about);
    task.setFor(new Reference(patient));
    return task;
  }

  private static UnlistedData store(FhirServerAccess server, TargetPerson theirs) {
    Reference patient = new Reference(theirs.id(PATIENT));

    Binary binary = new Binary();
    binary.setContentType("text/plain").setSecurityContext(patient)
        .setData(("Notes about " + theirs.family() + ", SSIN " + theirs.ssin()).getBytes(StandardCharsets.UTF_8));

    Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
    Patient copy = server.client().read().resource(Patient.class).withId(theirs.id(PATIENT)).execute();
    collection.addEntry().setFullUrl(server.fhirBase() + "/" + theirs.id(PATIENT)).setResource(copy);

    GuidanceResponse guidance = new GuidanceResponse();
    guidance.setModule(new org.hl7.fhir.r4.model.UriType("https://attacker.example.org/module"))
        .setStatus(GuidanceResponse.GuidanceResponseStatus.SUCCESS).setSubject(patient);

    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference(theirs.id(CARE_PLAN))).setRecorded(new Date());
    provenance.addAgent().setWho(new Reference(theirs.id(TEAM_ROLE)));

    return new UnlistedData(
        stored(server, taskFor(theirs.id(PATIENT), theirs.family())), stored(server, binary), stored(server, collection),
        stored(server, guidance), stored(server, provenance));
  }

  private static String stored(FhirServerAccess server, Resource resource) {
    HttpResponse<String> created =
        server.http().post("/fhir/" + resource.fhirType(), FhirHttp.FHIR_JSON, AttackSupport.json(resource));
    if (created.statusCode() != 201) {
      return resource.fhirType() + "/" + AttackSupport.missingId();
    }
    IdType id = new IdType(created.headers().firstValue("Location").orElseThrow());
    return id.getResourceType() + "/" + id.getIdPart();
  }
}
