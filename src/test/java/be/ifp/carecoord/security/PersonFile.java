package be.ifp.carecoord.security;

import be.ifp.carecoord.support.FhirServerAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * One person's whole file, stored afresh: the IG's example of Maria (organisations, practitioners
 * and roles, the person, an informal carer, assessments, needs, goals, consents, the care team,
 * the plan and a case-management episode). Each load makes a new person with new professionals
 * (the example's conditional creates are made plain), so two loads are two persons whose teams
 * share nobody.
 */
public record PersonFile(Map<String, String> ids) {

  private static final Path EXAMPLE = Path.of("ig", "examples", "Bundle-person-file-maria.json");

  // Full URLs in the example, named by what the tests use them for.
  public static final String PATIENT = "urn:uuid:dc6253a3-3f48-5b24-bcc0-ffbe06cb62ac";
  public static final String RELATED_PERSON = "urn:uuid:90152cd1-d5b1-5d05-93da-bb7be3cf9dbf";
  /** A care provider in the team. */
  public static final String TEAM_ROLE = "urn:uuid:ce291f92-8194-58e8-a0bd-0d95db0a4066";
  /** The practitioner of {@link #TEAM_ROLE}. */
  public static final String TEAM_PRACTITIONER = "urn:uuid:6c6df42f-3483-594b-84bd-764cf49eb7ad";
  /** The case manager of the episode; not in the team. */
  public static final String CASE_MANAGER_ROLE = "urn:uuid:04a027c2-59db-5d8e-9382-c0bc60daaa30";
  /** The team's care & welfare coordinator. */
  public static final String COORDINATOR_ROLE = "urn:uuid:a8455607-bce1-5762-82f0-7483d4a84deb";
  /** Another care provider in the team. */
  public static final String OTHER_TEAM_ROLE = "urn:uuid:beee4180-b598-5d5a-9fc9-3f0dec3b6e64";
  public static final String CARE_TEAM = "urn:uuid:ce41bc51-6637-5621-aeb4-787d57b7cbe7";
  public static final String CARE_PLAN = "urn:uuid:49195c33-734f-569b-8fd7-a9b6f1a3d9d8";
  public static final String GOAL = "urn:uuid:bda7ec92-c357-5d55-a34c-214f5744645f";
  public static final String EPISODE = "urn:uuid:0125187e-91f9-57c5-82b0-10ad0d4e514a";
  public static final String ASSESSMENT = "urn:uuid:84d6678e-b023-5afd-8745-6f8f11cb5f1f";

  private static final Map<String, List<PersonFile>> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Two persons stored once per server and shared by the tests that only read them (or whose
   * writes are refused): the first is "ours" in the tests, the second "another person".
   */
  public static List<PersonFile> twoPersons(FhirServerAccess server) {
    return SHARED.computeIfAbsent(server.fhirBase(), base -> List.of(load(server), load(server)));
  }

  public static PersonFile load(FhirServerAccess server) {
    Bundle transaction;
    try {
      transaction = FhirServerAccess.FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(EXAMPLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Plain creates: a new person with new professionals, whatever earlier tests stored.
    transaction.getEntry().forEach(entry -> entry.getRequest().setIfNoneExist(null));
    Bundle response = server.client().transaction().withBundle(transaction).execute();
    Map<String, String> ids = new HashMap<>();
    List<Bundle.BundleEntryComponent> entries = transaction.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      IdType id = new IdType(response.getEntry().get(i).getResponse().getLocation());
      ids.put(entries.get(i).getFullUrl(), id.getResourceType() + "/" + id.getIdPart());
    }
    return new PersonFile(ids);
  }

  /** {@code Type/id} of the stored resource. */
  public String id(String fullUrl) {
    return ids.get(fullUrl);
  }

  public String path(String fullUrl) {
    return "/fhir/" + id(fullUrl);
  }

  public String idPart(String fullUrl) {
    return new IdType(id(fullUrl)).getIdPart();
  }
}
