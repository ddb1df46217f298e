package be.ifp.carecoord.rules.identity;

import static be.ifp.carecoord.rules.RuleHarness.example;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Every resource of the IG's example files, Bundle entries one by one, for the identifier rules' tests. */
final class ExampleResources {

  private ExampleResources() {}

  /**
   * The resources of {@code ig/examples}, {@code ig/examples/invalid} and {@code ig/examples/warning},
   * keyed by file name (and {@code #entry} index for Bundle entries).
   */
  static Map<String, Resource> all() {
    Map<String, Resource> resources = new LinkedHashMap<>();
    for (String folder : List.of("", "invalid/", "warning/")) {
      for (String name : fileNames(folder)) {
        Resource resource = example(folder + name);
        if (resource instanceof Bundle bundle) {
          for (int i = 0; i < bundle.getEntry().size(); i++) {
            resources.put(folder + name + "#" + i, bundle.getEntry().get(i).getResource());
          }
        } else {
          resources.put(folder + name, resource);
        }
      }
    }
    return resources;
  }

  /** Those of {@link #all()} whose file does not say it breaks an identifier rule. */
  static Map<String, Resource> withoutIdentifierDefects() {
    Map<String, Resource> resources = all();
    resources.keySet().removeIf(name -> name.contains("-ifp-id-"));
    return resources;
  }

  /**
   * The findings of {@code rule} on every example resource whose file does not say it breaks an
   * identifier rule, by resource; empty when they all pass.
   */
  static Map<String, List<Finding>> findingsOnExamplesWithoutIdentifierDefects(Rule rule) {
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    RuleHarness harness = RuleHarness.withExamples(); // a write leaves the stored record as it is
    withoutIdentifierDefects().forEach((name, resource) -> {
      List<Finding> found = harness.write(rule, resource);
      if (!found.isEmpty()) {
        findings.put(name, found);
      }
    });
    return findings;
  }

  private static List<String> fileNames(String folder) {
    try (Stream<Path> files = Files.list(Path.of("ig/examples", folder))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
