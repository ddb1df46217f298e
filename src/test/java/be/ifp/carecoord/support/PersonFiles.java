package be.ifp.carecoord.support;

import be.ifp.carecoord.profiles.ConformanceExamples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whole person files as a care-plan platform sends them: Maria's transaction Bundle
 * ({@code ig/examples/Bundle-person-file-maria.json}: person, carer, professionals and their
 * organisations, BelRAI assessment, needs, goals, agreement and consent, team with a coordinator,
 * plan, case-management episode) made into person {@code n} of one platform.
 *
 * <ul>
 *   <li>The platform's own records carry its identifier, {@link #system(String) system(type)} |
 *       {@code <n>} ({@code <n>-<i>} for the i-th of a type), and are upserted by it
 *       ({@code PUT Type?identifier=…}); the person is created unless she exists.
 *   <li>The professionals and organisations are shared by every person of the platform: each is
 *       created unless it exists, found by a test identifier of its own (the examples' NIHDI and
 *       CBE numbers are left in place but are the same for every test, so they cannot name it).
 *   <li>The goals name the person by a conditional reference ({@code Patient?identifier=…}),
 *       as a tool that knows her only by its own number does.
 * </ul>
 *
 * <p>Every instance (one platform) gets identifier systems of its own, so that tests sharing a
 * server never see each other's records. The examples' SSINs are left out: fifty persons with
 * Maria's SSIN would make her ambiguous for the tests that look her up.
 */
public final class PersonFiles {

  /** The types a person file shares between persons: the professionals and their organisations. */
  public static final Set<String> SHARED = Set.of("Organization", "Practitioner", "PractitionerRole");

  private static final Bundle MARIA = FhirServerAccess.FHIR.newJsonParser().parseResource(Bundle.class,
      ConformanceExamples.read(ConformanceExamples.EXAMPLES.resolve("Bundle-person-file-maria.json")));

  private final String platform = UUID.randomUUID().toString().substring(0, 8);

  /** The identifier system of this platform's records of one type. */
  public String system(String resourceType) {
    return "https://platform-" + platform + ".example.org/sid/" + resourceType.toLowerCase(java.util.Locale.ROOT);
  }

  /** The identifier of person {@code n} (her Patient). */
  public Identifier person(int n) {
    return new Identifier().setSystem(system("Patient")).setValue(String.valueOf(n));
  }

  /** Person {@code n}'s file: one transaction Bundle. */
  public Bundle personFile(int n) {
    Bundle file = MARIA.copy();
    file.setId((String) null);
    Map<String, Integer> perType = new HashMap<>();
    for (BundleEntryComponent entry : file.getEntry()) {
      Resource resource = entry.getResource();
      String type = resource.fhirType();
      int index = perType.merge(type, 1, Integer::sum);
      if (SHARED.contains(type)) {
        Identifier shared = new Identifier().setSystem(TestData.TEST_SYSTEM)
            .setValue(platform + "-" + entry.getFullUrl().substring("urn:uuid:".length()));
        identifiers(resource).add(shared);
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(type).setIfNoneExist(search(shared));
      } else if (type.equals("Patient")) {
        identifiers(resource).clear();
        identifiers(resource).add(person(n));
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(type).setIfNoneExist(search(person(n)));
      } else {
        Identifier own = new Identifier().setSystem(system(type)).setValue(index == 1 ? n + "" : n + "-" + index);
        identifiers(resource).clear();
        identifiers(resource).add(own);
        entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(type + "?" + search(own)).setIfNoneExist(null);
      }
      if (resource instanceof Goal goal) {
        goal.getSubject().setReference("Patient?" + search(person(n)));
      }
    }
    return file;
  }

  /** {@code identifier=system|value}, the search that names a record. */
  public static String search(Identifier identifier) {
    return "identifier=" + identifier.getSystem() + "|" + identifier.getValue();
  }

  /** The record's identifiers, changeable; every type in a person file has them. */
  @SuppressWarnings("unchecked")
  public static List<Identifier> identifiers(Resource resource) {
    try {
      return (List<Identifier>) resource.getClass().getMethod("getIdentifier").invoke(resource);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(resource.fhirType() + " has no identifiers", e);
    }
  }
}
