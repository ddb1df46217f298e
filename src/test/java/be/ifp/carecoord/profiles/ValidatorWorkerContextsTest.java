package be.ifp.carecoord.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Language;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.Locale;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HL7 validator over the IFP package, as in the server, in each of our languages. */
class ValidatorWorkerContextsTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static ValidationSupportChain chain;

  @BeforeAll
  static void chainWithTheIfpPackage() {
    PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(FHIR);
    IfpPackage ifpPackage = new IfpPackage(FHIR);
    ifpPackage.conformanceResources().forEach(own::addResource);
    ifpPackage.externalTerminology().forEach(own::addResource);
    chain = StandaloneValidationChain.of(FHIR, own);
  }

  @Test
  void dutchAndGerman_comeFromTheirBundles() {
    for (Language language : new Language[] {Language.NL, Language.DE}) {
      String message = minimumCardinalityMessage(new ValidatorWorkerContexts(chain).newValidator(language));

      assertThat(Hl7Messages.of(language).words(Hl7Messages.MINIMUM_CARDINALITY, message)).as(message).isTrue();
      assertThat(Hl7Messages.of(Language.EN).words(Hl7Messages.MINIMUM_CARDINALITY, message)).as(message).isFalse();
    }
  }

  @Test
  void french_isEnglish_asTheHl7FrenchBundleIsEmpty() {
    String message = minimumCardinalityMessage(new ValidatorWorkerContexts(chain).newValidator(Language.FR));

    assertThat(Hl7Messages.of(Language.FR).has(Hl7Messages.MINIMUM_CARDINALITY)).isFalse();
    assertThat(Hl7Messages.of(Language.EN).words(Hl7Messages.MINIMUM_CARDINALITY, message)).as(message).isTrue();
  }

  @Test
  void english_staysEnglishWhenTheJvmRunsInDutch() {
    Locale jvm = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("nl-BE"));
    try {
      String message = minimumCardinalityMessage(new ValidatorWorkerContexts(chain).newValidator(Language.EN));

      assertThat(Hl7Messages.of(Language.EN).words(Hl7Messages.MINIMUM_CARDINALITY, message)).as(message).isTrue();
    } finally {
      Locale.setDefault(jvm);
    }
  }

  @Test
  void validatorsOfOneLanguage_shareItsWorkerContext() {
    ValidatorWorkerContexts contexts = new ValidatorWorkerContexts(chain);

    assertThat(contexts.newValidator(Language.NL).getWorkerContext())
        .isSameAs(contexts.newValidator(Language.NL).getWorkerContext())
        .isNotSameAs(contexts.newValidator(Language.DE).getWorkerContext());
  }

  @Test
  void bundleLocale_isTheBaseBundleForEnglish() {
    assertThat(ValidatorWorkerContexts.bundleLocale(Language.EN)).isEqualTo(Locale.ROOT);
    assertThat(ValidatorWorkerContexts.bundleLocale(Language.NL)).isEqualTo(Locale.forLanguageTag("nl"));
  }

  private static String minimumCardinalityMessage(FhirInstanceValidator module) {
    Resource patient = (Resource) FHIR.newJsonParser().parseResource(
        ConformanceExamples.read(ConformanceExamples.INVALID.resolve("Patient-no-birth-date.json")));
    OperationOutcome outcome = (OperationOutcome) FHIR.newValidator().registerValidatorModule(module)
        .validateWithResult(patient, new ValidationOptions()).toOperationOutcome();
    return Hl7Messages.messageIn(outcome, Hl7Messages.MINIMUM_CARDINALITY)
        .orElseThrow(() -> new AssertionError(FHIR.newJsonParser().encodeResourceToString(outcome)));
  }
}
