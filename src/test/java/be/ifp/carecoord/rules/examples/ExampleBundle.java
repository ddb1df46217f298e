package be.ifp.carecoord.rules.examples;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
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

  /** The bundle by its path under {@code ig/examples} without {@code .json}. */
  public static ExampleBundle read(String name) {
    Bundle bundle = RuleHarness.example(name);
    for (BundleEntryComponent entry : bundle.getEntry()) {
      // The transaction resolves urn:uuid references to the entry: it gets that as its id here.
      if (!entry.getResource().getIdElement().hasIdPart() && entry.hasFullUrl()) {
        entry.getResource().setId(entry.getFullUrl());
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
