package be.ifp.carecoord.profiles;

import be.ifp.carecoord.rules.Language;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Locale;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.springframework.stereotype.Component;

/**
 * The HL7 worker contexts that validation runs in, one per message language, over the server's
 * validation support chain. The HL7 validator words its messages from the resource bundle of its
 * worker context, fixed once per context, so a language needs a context of its own; the contexts
 * share the chain and its caches (converted definitions, snapshots, expansions), and writes and
 * {@code $validate} share the contexts, as HAPI shares its one.
 */
@Component
class ValidatorWorkerContexts {

  private final IValidationSupport chain;
  private final PerLanguage<WorkerContextValidationSupportAdapter> contexts;

  /** @param chain HAPI's primary validation support: the JPA chain, with the IFP package in it */
  ValidatorWorkerContexts(IValidationSupport chain) {
    this.chain = chain;
    this.contexts = new PerLanguage<>(this::workerContext);
  }

  /** A FhirInstanceValidator with HAPI's defaults whose messages come in the language. */
  FhirInstanceValidator newValidator(Language language) {
    FhirInstanceValidator validator = new FhirInstanceValidator(chain);
    validator.setWrappedWorkerContext(chain, contexts.in(language));
    return validator;
  }

  /**
   * The locale of the HL7 bundle ({@code Messages*.properties}) for a language. English is the
   * base bundle, as there is no {@code Messages_en}: asked for "en", {@link
   * java.util.ResourceBundle} would try the JVM's default locale first, and a server running in
   * nl_BE would answer English requests in Dutch.
   */
  static Locale bundleLocale(Language language) {
    return language == Language.EN ? Locale.ROOT : Locale.forLanguageTag(language.tag());
  }

  // setValidationMessageLanguage is deprecated, but it is the one setting that changes the
  // messages alone: HAPI's adapter ignores setLocale, and its getLocale is also the language in
  // which displays are checked, which must not depend on the client.
  @SuppressWarnings("deprecation")
  private WorkerContextValidationSupportAdapter workerContext(Language language) {
    WorkerContextValidationSupportAdapter context =
        WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(chain);
    context.setValidationMessageLanguage(bundleLocale(language));
    return context;
  }
}
