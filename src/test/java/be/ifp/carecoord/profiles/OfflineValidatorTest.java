package be.ifp.carecoord.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance package is usable offline: loaded into the plain HL7 validation engine ({@code
 * org.hl7.fhir.validation} 6.7.9, the version HAPI FHIR 8.8.0 uses), outside the server and with
 * nothing beside it but the FHIR R4 definitions and CD-HCPARTY, it gives the server's verdicts on
 * the guide's examples. So implementers can check their resources before they send them, with the
 * published package and without our server or a terminology server.
 *
 * <p>Each example is validated against the profiles the server would pick for it ({@link
 * ProfileSelector}), the entries of a Bundle each on their own as in a transaction. The invalid
 * examples named after an IFP rule ({@code -ifp-}) are left out: most of those rules look at other
 * resources, which only the server can see.
 */
class OfflineValidatorTest {

  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final ProfileSelector PROFILES = new ProfileSelector();

  private static OfflineValidator validator;

  @BeforeAll
  static void loadEngine() throws Exception {
    validator = OfflineValidator.load();
  }

  @TestFactory
  Stream<DynamicTest> validExamples_haveNoErrors() {
    return examples(ConformanceExamples.EXAMPLES).map(file -> dynamicTest(name(file), () ->
        assertThat(errors(file)).as("errors in the valid example %s", file).isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> invalidExamples_haveAnError() {
    return examples(ConformanceExamples.INVALID).filter(file -> !name(file).contains("-ifp-"))
        .map(file -> dynamicTest(name(file), () ->
            assertThat(errors(file)).as("errors in the invalid example %s", file).isNotEmpty()));
  }

  /**
   * The error and fatal messages, as "ERROR @ location (line, col): message"; for a Bundle also
   * those on each entry against the profiles the server picks for it.
   */
  private static List<String> errors(Path file) {
    String json = ConformanceExamples.read(file);
    Resource resource = (Resource) R4.newJsonParser().parseResource(json);
    List<String> errors = new ArrayList<>(errors(json, resource));
    if (resource instanceof Bundle bundle) {
      for (int i = 0; i < bundle.getEntry().size(); i++) {
        Resource entry = bundle.getEntry().get(i).getResource();
        String where = "Bundle.entry[" + i + "].resource: ";
        errors(R4.newJsonParser().encodeResourceToString(entry), entry).forEach(e -> errors.add(where + e));
      }
    }
    return errors;
  }

  private static List<String> errors(String json, Resource resource) {
    return validator.validate(json.getBytes(StandardCharsets.UTF_8), PROFILES.profilesFor(resource))
        .stream().filter(ValidationMessage::isError).map(ValidationMessage::summary).toList();
  }

  private static Stream<Path> examples(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> examples = files.filter(f -> name(f).endsWith(".json")).sorted().toList();
      assertThat(examples).as("examples in %s", folder).isNotEmpty();
      return examples.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
