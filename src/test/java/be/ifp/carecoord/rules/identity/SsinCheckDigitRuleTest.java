package be.ifp.carecoord.rules.identity;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsinCheckDigitRuleTest {

  private final SsinCheckDigitRule rule = new SsinCheckDigitRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void patientWithValidSsin_passes() {
    Patient maria = example("Patient-maria");

    assertThat(harness.write(rule, maria)).isEmpty();
  }

  @Test
  void ssinWithWrongCheckDigits_isRefused() {
    Patient patient = example("invalid/Patient-ifp-id-01-ssin-bad-check-digit");

    List<Finding> findings = harness.write(rule, patient);

    assertThat(keys(findings)).containsExactly("ssin-check-digit");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("Patient.identifier[0]");
    assertThat(findings.get(0).text(Language.EN))
        .isEqualTo("The SSIN 41031208451 ends in check digits 51, but they should be 50 (born before "
            + "2000) or 79 (born in 2000 or later): the number is probably mistyped.");
  }

  @Test
  void ssinWithPunctuation_isRefusedForItsFormat() {
    Patient patient = example("invalid/Patient-ifp-id-01-ssin-with-punctuation");

    List<Finding> findings = harness.write(rule, patient);

    assertThat(keys(findings)).containsExactly("ssin-format");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("Patient.identifier[0]");
    assertThat(findings.get(0).text(Language.NL)).contains("41.03.12-084.50");
  }

  @ParameterizedTest
  @CsvSource({
      "invalid/Patient-ifp-id-01-ssin-bad-check-digit, Patient.identifier[0]",
      "invalid/Patient-ifp-id-01-ssin-with-punctuation, Patient.identifier[0]",
      "invalid/RelatedPerson-ifp-id-01-ssin-bad-check-digit, RelatedPerson.identifier[0]",
      "invalid/Practitioner-ifp-id-01-ssin-bad-check-digit, Practitioner.identifier[0]"})
  void invalidExample_isRefusedAtTheReadmePath(String file, String expectedPath) {
    Resource resource = example(file);

    List<Finding> findings = harness.write(rule, resource);

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.rule().id()).isEqualTo("IFP-ID-01");
      assertThat(finding.expression()).isEqualTo(expectedPath);
      assertThat(finding.isError()).isTrue();
    });
  }

  @Test
  void ssinOfSomeoneBornIn2000OrLater_passes() {
    Patient patient = example("Patient-maria");
    patient.getIdentifierFirstRep().setValue("00012556777");

    assertThat(harness.write(rule, patient)).isEmpty();
  }

  @Test
  void badSsinInSecondIdentifier_isReportedAtItsIndex() {
    Patient patient = example("Patient-maria");
    patient.addIdentifier().setSystem(IdentifierRule.SSIN).setValue("41031208451");

    List<Finding> findings = harness.write(rule, patient);

    assertThat(findings).extracting(Finding::expression).containsExactly("Patient.identifier[1]");
  }

  @Test
  void pseudonymisedSsin_isExempt() {
    Patient patient = example("Patient-maria");
    Identifier ssin = patient.getIdentifierFirstRep().setValue("c2VjcmV0LXBzZXVkb255bQ==");
    ssin.getValueElement().addExtension(IdentifierRule.PSEUDONYMISATION, new StringType("ehealth"));

    assertThat(harness.write(rule, patient)).isEmpty();
  }

  @Test
  void identifierOfAnotherSystem_isNotChecked() {
    Patient patient = example("Patient-maria");
    patient.getIdentifierFirstRep().setSystem("https://zorgplatform.example.org/sid/patient");

    assertThat(harness.write(rule, patient)).isEmpty();
  }

  @Test
  void identifierWithoutValue_isLeftToTheProfile() {
    Patient patient = example("Patient-maria");
    patient.getIdentifierFirstRep().setValue(null);

    assertThat(harness.write(rule, patient)).isEmpty();
  }

  @Test
  void everyExampleWithoutIdentifierDefect_passes() {
    assertThat(ExampleResources.findingsOnExamplesWithoutIdentifierDefects(rule)).isEmpty();
  }
}
