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

class NihdiFormatRuleTest {

  private final NihdiFormatRule rule = new NihdiFormatRule();
  private final RuleHarness harness = RuleHarness.withExamples();

  @Test
  void practitionerWithValidNihdi_passes() {
    Practitioner gp = example("Practitioner-general-practitioner");

    assertThat(harness.write(rule, gp)).isEmpty();
  }

  @Test
  void nihdiOfTenDigits_isRefused() {
    Practitioner gp = example("invalid/Practitioner-ifp-id-03-nihdi-ten-digits");

    List<Finding> findings = harness.write(rule, gp);

    assertThat(keys(findings)).containsExactly("nihdi-format");
    assertThat(findings.get(0).rule().id()).isEqualTo("IFP-ID-03");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("Practitioner.identifier[0]");
    assertThat(findings.get(0).text(Language.DE)).contains("1432185100");
  }

  @Test
  void organisationNihdiWithDots_isRefusedAtItsIndex() {
    Organization service = example("invalid/Organization-ifp-id-03-nihdi-with-dots");

    List<Finding> findings = harness.write(rule, service);

    assertThat(keys(findings)).containsExactly("nihdi-format");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).expression()).isEqualTo("Organization.identifier[1]");
  }

  @Test
  void nihdiOfEightDigits_isOnlyAWarning() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.getIdentifierFirstRep().setValue("14321851");

    List<Finding> findings = harness.write(rule, gp);

    assertThat(keys(findings)).containsExactly("nihdi-eight-digits");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("Practitioner.identifier[0]");
  }

  @Test
  void professionalNihdiWithFailedCheckDigits_isOnlyAWarning() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.getIdentifierFirstRep().setValue("14321800003");

    List<Finding> findings = harness.write(rule, gp);

    assertThat(keys(findings)).containsExactly("nihdi-check-digit");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).expression()).isEqualTo("Practitioner.identifier[0]");
    assertThat(findings.get(0).text(Language.EN))
        .contains("14321800003", "check digits 00", "modulo-97 (51)", "modulo-89 (72)");
  }

  @Test
  void eightDigitNihdiWithFailedCheckDigits_getsBothWarnings() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.getIdentifierFirstRep().setValue("14321800");

    List<Finding> findings = harness.write(rule, gp);

    assertThat(keys(findings)).containsExactly("nihdi-eight-digits", "nihdi-check-digit");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.WARNING);
  }

  @Test
  void nihdiOfTheModulo89Scheme_passes() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.getIdentifierFirstRep().setValue("14321872003");

    assertThat(harness.write(rule, gp)).isEmpty();
  }

  @Test
  void nihdiProfessionalSystem_isCheckDigitedToo() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.getIdentifierFirstRep().setSystem(IdentifierRule.NIHDI_PROFESSIONAL).setValue("14321800003");

    assertThat(keys(harness.write(rule, gp))).containsExactly("nihdi-check-digit");
  }

  @Test
  void organisationNihdi_isNotCheckDigited() {
    Organization service = example("Organization-home-nursing-service");
    service.getIdentifier().get(1).setValue("47812000000");

    assertThat(harness.write(rule, service)).isEmpty();
  }

  @Test
  void nihdiOrganizationSystem_isNotCheckDigited() {
    Practitioner gp = example("Practitioner-general-practitioner");
    gp.getIdentifierFirstRep().setSystem(IdentifierRule.NIHDI_ORGANIZATION).setValue("14321800003");

    assertThat(harness.write(rule, gp)).isEmpty();
  }

  @Test
  void organisationNihdiWithoutElevenDigits_isStillRefused() {
    Organization service = example("Organization-home-nursing-service");
    service.getIdentifier().get(1).setSystem(IdentifierRule.NIHDI_ORGANIZATION).setValue("4781209000");

    assertThat(keys(harness.write(rule, service))).containsExactly("nihdi-format");
  }

  @Test
  void pseudonymisedNihdi_isExempt() {
    Practitioner gp = example("invalid/Practitioner-ifp-id-03-nihdi-ten-digits");
    gp.getIdentifierFirstRep().getValueElement()
        .addExtension(IdentifierRule.PSEUDONYMISATION, new StringType("ehealth"));

    assertThat(harness.write(rule, gp)).isEmpty();
  }

  @Test
  void everyExampleWithoutIdentifierDefect_passes() {
    assertThat(ExampleResources.findingsOnExamplesWithoutIdentifierDefects(rule)).isEmpty();
  }
}
