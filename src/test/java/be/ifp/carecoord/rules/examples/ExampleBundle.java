package be.ifp.carecoord.rules.examples;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import ca.uhn.fhir.util.FhirTerser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A transaction Bundle of {@code ig/examples/invalid} or {@code ig/examples/warning}, replayed
 * over a {@link RuleHarness}: its other entries stored as the transaction would store them, then
 * one entry written.
 */
public final class ExampleBundle {

  private final Bundle bundle;

  private ExampleBundle(Bundle bundle) {
    this.bundle = bundle;
  }

  /**
   * The bundle by its path under {@code ig/examples} without {@code .json}. As the server's
   * transaction does, each entry created with a {@code urn:uuid} fullUrl gets an id
   * ({@code Type/<uuid>}) and every reference to that fullUrl is rewritten to it.
   */
  public static ExampleBundle read(String name) {
    Bundle bundle = RuleHarness.example(name);
    Map<String, String> assigned = new HashMap<>();
    for (BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      String idPart = resource.getIdElement().getIdPart();
      if ((idPart == null || idPart.startsWith("urn:")) && entry.getFullUrl().startsWith("urn:uuid:")) {
        String id = entry.getFullUrl().substring("urn:uuid:".length());
        resource.setId(resource.fhirType() + "/" + id);
        assigned.put(entry.getFullUrl(), resource.fhirType() + "/" + id);
      }
    }
    FhirTerser terser = RuleHarness.FHIR.newTerser();
    for (BundleEntryComponent entry : bundle.getEntry()) {
      for (Reference reference
          : terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
        if (assigned.containsKey(reference.getReference())) {
          reference.setReference(assigned.get(reference.getReference()));
        }
      }
    }
    return new ExampleBundle(bundle);
  }

  /** The resource of entry {@code index}. */
  public Resource resource(int index) {
    return bundle.getEntry().get(index).getResource();
  }

  /** Stores every entry but {@code written} in the harness, then writes that one with the rule. */
  public List<Finding> write(RuleHarness harness, Rule rule, int written) {
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      if (i != written) {
        harness.store(resource(i));
      }
    }
    return harness.write(rule, resource(written));
  }

  /**
   * A finding's expression as the server reports it inside the bundle:
   * {@code CareTeam.participant[3]} on entry 2 is {@code Bundle.entry[2].resource.participant[3]}.
   */
  public static String inBundle(int entry, String expression) {
    int dot = expression.indexOf('.');
    return "Bundle.entry[" + entry + "].resource" + (dot < 0 ? "" : expression.substring(dot));
  }
}
