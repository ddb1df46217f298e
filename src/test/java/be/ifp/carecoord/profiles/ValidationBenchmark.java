package be.ifp.carecoord.profiles;

import be.ifp.carecoord.bench.BenchmarkReport;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Warm validation time per resource, against the IFP profiles and against base R4 only, measured
 * in one run with one long-lived validator (as the server keeps it). Prints the figures and writes
 * them to docs/benchmarks.md. Run with {@code mvn -Pbench verify}.
 */
class ValidationBenchmark {

  private static final int WARM_UP = 100;
  private static final int MEASURED = 300;
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void warmValidationTime() {
    IfpPackage ifpPackage = new IfpPackage(FHIR);
    PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(FHIR);
    ifpPackage.conformanceResources().forEach(own::addResource);
    ifpPackage.externalTerminology().forEach(own::addResource);
    ValidationSupportChain chain = StandaloneValidationChain.of(FHIR, own);
    FhirValidator validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    ProfileSelector selector = new ProfileSelector();

    Map<String, Resource> inputs = new LinkedHashMap<>();
    inputs.put("CarePlan", read("CarePlan-care-support-plan-maria.json"));
    inputs.put("CareTeam", read("CareTeam-team-with-reimbursable-coordinator.json"));
    inputs.put("person-file transaction Bundle", read("Bundle-person-file-maria.json"));

    StringBuilder table = new StringBuilder("| resource | IFP profiles p50 (ms) | p90 | base R4 only p50 (ms) | p90 | ratio p50 |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Resource> input : inputs.entrySet()) {
      Resource withProfiles = input.getValue();
      ValidationOptions ifp = new ValidationOptions();
      selector.profilesFor(withProfiles).forEach(ifp::addProfile);
      Resource baseOnly = withoutProfiles(withProfiles);
      double[] ifpTimes = time(() -> validator.validateWithResult(withProfiles, ifp));
      double[] baseTimes = time(() -> validator.validateWithResult(baseOnly, new ValidationOptions()));
      table.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.1f× |%n", input.getKey(),
          percentile(ifpTimes, 50), percentile(ifpTimes, 90), percentile(baseTimes, 50),
          percentile(baseTimes, 90), percentile(ifpTimes, 50) / percentile(baseTimes, 50)));
    }
    BenchmarkReport.write("validation", "Warm validation time per resource (issue 3)", "mvn -Pbench verify",
        "In-process, one long-lived HAPI FhirInstanceValidator over the IFP package, the R4 base "
            + "definitions and in-memory terminology (as in the server, no remote terminology). "
            + WARM_UP + " warm-up validations, then " + MEASURED + " measured, per input. "
            + "\"IFP profiles\": the profiles the server selects for the resource (for the Bundle: "
            + "the entries' declared profiles); \"base R4 only\": the same resource with "
            + "`meta.profile` removed everywhere.\n\n" + table
            + "\nTarget (issue 3): under 5 ms p50 warm for a CarePlan.\n");
  }

  private static double[] time(Supplier<ValidationResult> validation) {
    for (int i = 0; i < WARM_UP; i++) {
      validation.get();
    }
    double[] millis = new double[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      validation.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  private static Resource read(String example) {
    return (Resource) FHIR.newJsonParser().parseResource(
        ConformanceExamples.read(ConformanceExamples.EXAMPLES.resolve(example)));
  }

  private static Resource withoutProfiles(Resource resource) {
    Resource copy = resource.copy();
    copy.getMeta().getProfile().clear();
    if (copy instanceof Bundle bundle) {
      bundle.getEntry().forEach(e -> e.getResource().getMeta().getProfile().clear());
    }
    return copy;
  }
}
