package be.ifp.carecoord.profiles;

import ca.uhn.fhir.jpa.validation.ValidatorPolicyAdvisor;
import ca.uhn.fhir.jpa.validation.ValidatorResourceFetcher;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.IValidationContext;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The instance validator of HAPI's {@code $validate}, with its messages in the request's
 * language. HAPI's resource DAOs validate with the primary {@link IInstanceValidatorModule}
 * bean, so this one takes the place of HAPI's own ({@code ValidationSupportConfig}), with the
 * same settings: the JPA resource fetcher and policy advisor, best-practice findings as
 * warnings. The DAO does not hand the request to the validator, hence the request this thread
 * serves.
 */
@Primary
@Component
class ValidateOperationValidatorModule implements IInstanceValidatorModule {

  private final PerLanguage<FhirInstanceValidator> validators;
  private final RequestLanguage requestLanguage;

  ValidateOperationValidatorModule(
      ValidatorWorkerContexts workerContexts,
      ValidatorResourceFetcher resourceFetcher,
      ValidatorPolicyAdvisor policyAdvisor,
      RequestLanguage requestLanguage) {
    this.validators = new PerLanguage<>(language -> {
      FhirInstanceValidator validator = workerContexts.newValidator(language);
      validator.setValidatorResourceFetcher(resourceFetcher);
      validator.setValidatorPolicyAdvisor(policyAdvisor);
      validator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
      return validator;
    });
    this.requestLanguage = requestLanguage;
  }

  @Override
  public void validateResource(IValidationContext<IBaseResource> context) {
    validators.in(requestLanguage.ofCurrentRequest()).validateResource(context);
  }
}
