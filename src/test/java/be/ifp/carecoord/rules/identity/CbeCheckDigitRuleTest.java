package be.ifp.carecoord.rules.identity;

import static be.ifp.carecoord.rules.RuleHarness.example;
import static be.ifp.carecoord.rules.RuleHarness.keys;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.RuleHarness;
import be.ifp.carecoord.rules.Severity;
import java.util.List;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class CbeCheckDigitRuleTest {

  private final CbeCheckDigitRule rule = new CbeCheckDigitRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void organisationWithValidCbe_passes() {
    Organization service = example("Organization-home-nursing-service");

    assertThat(harness.write(rule, service)).isEmpty();
  }

  @Test
  void cbeOfTheOneRange_passes() {
    Organization mesoUnit = example("Organization-meso-unit-lindedal");

    assertThat(mesoUnit.getIdentifierFirstRep().getValue()).startsWith("1");
    assertThat(harness.write(rule, mesoUnit)).isEmpty();
  }

  @Test
  void cbeWithWrongCheckDigits_isRefused() {
    Organization service = example("invalid/Organization-ifp-id-02-cbe-bad-check-digit");

    List<Finding> findings = harness.write(rule, service);

    assertThat(keys(findings)).containsExactly("cbe-check-digit");
    assertThat(findings.get(0).rule().id()).isEqualTo("IFP-ID-02");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("Organization.identifier[0]");
    assertThat(findings.get(0).text(Language.EN)).contains("0834916712", "check digits 12", "should be 11");
  }

  @Test
  void establishmentUnitNumber_isRefusedForItsFirstDigit() {
    Organization service = example("invalid/Organization-ifp-id-02-cbe-first-digit-2");

    List<Finding> findings = harness.write(rule, service);

    assertThat(keys(findings)).containsExactly("cbe-first-digit");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("Organization.identifier[0]");
    assertThat(findings.get(0).text(Language.FR)).contains("2173654885", "commence par 2");
  }

  @Test
  void cbeWrittenWithDots_isRefusedForItsFormat() {
    Organization service = example("Organization-home-nursing-service");
    service.getIdentifierFirstRep().setValue("0834.916.711");

    List<Finding> findings = harness.write(rule, service);

    assertThat(keys(findings)).containsExactly("cbe-format");
    assertThat(findings.get(0).expression()).isEqualTo("Organization.identifier[0]");
  }

  @Test
  void cbeOfASelfEmployedPractitioner_isCheckedToo() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.addIdentifier().setSystem(IdentifierRule.CBE).setValue("0716432992");

    List<Finding> findings = harness.write(rule, gp);

    assertThat(keys(findings)).containsExactly("cbe-check-digit");
    assertThat(findings.get(0).expression()).isEqualTo("Practitioner.identifier[1]");
  }

  @Test
  void pseudonymisedCbe_isExempt() {
    Organization service = example("invalid/Organization-ifp-id-02-cbe-bad-check-digit");
    service.getIdentifierFirstRep().getValueElement()
        .addExtension(IdentifierRule.PSEUDONYMISATION, new StringType("ehealth"));

    assertThat(harness.write(rule, service)).isEmpty();
  }

  @Test
  void everyExampleWithoutIdentifierDefect_passes() {
    assertThat(ExampleResources.findingsOnExamplesWithoutIdentifierDefects(rule)).isEmpty();
  }
}
