package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Resource;

/** The IFP-CP tests' fixtures: Maria's plan, and the invalid and warning example files. */
final class PlanExamples {

  static final String MARIA = "Patient/maria";
  static final String MARIAS_PLAN = "CarePlan-care-support-plan-maria";
  static final String MARIAS_TEAM = "CareTeam/team-with-reimbursable-coordinator";

  private PlanExamples() {}

  /** A fresh copy of Maria's valid plan. */
  static CarePlan mariasPlan() {
    return RuleHarness.example(MARIAS_PLAN);
  }

  /** A resource of {@code ig/examples}, e.g. {@code "invalid/CarePlan-ifp-cp-02-no-goal"}. */
  @SuppressWarnings("unchecked")
  static <T extends Resource> T file(String name) {
    try {
      return (T) RuleHarness.FHIR.newJsonParser()
          .parseResource(Files.readString(Path.of("ig/examples", name + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code rule} over a transaction bundle of {@code ig/examples}: every entry but the plan is
   * stored over the record (placeholder entries under their {@code fullUrl}), then the plan is
   * written. The findings' expressions are turned into paths inside the bundle
   * ({@code Bundle.entry[i].resource…}), as the server reports them.
   */
  static List<String> bundleExpressions(RuleHarness harness, Rule rule, String name) {
    Bundle bundle = file(name);
    int planEntry = -1;
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Resource resource = entries.get(i).getResource();
      if (!resource.getIdElement().hasIdPart() && entries.get(i).hasFullUrl()) {
        resource.setId(entries.get(i).getFullUrl());
      }
      if (resource instanceof CarePlan) {
        planEntry = i;
      } else {
        harness.store(resource);
      }
    }
    String prefix = "Bundle.entry[" + planEntry + "].resource";
    List<Finding> findings = harness.write(rule, entries.get(planEntry).getResource());
    return findings.stream()
        .filter(f -> f.rule().id().equals(rule.id()))
        .map(f -> prefix + f.expression().substring("CarePlan".length()))
        .toList();
  }
}
