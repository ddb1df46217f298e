package be.ifp.carecoord.profiles;

import be.ifp.carecoord.rules.server.RuleChecks;
import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Validates every write of a profiled type against its IFP profiles (chosen by {@link
 * ProfileSelector}, plus any the client declares) at the storage layer, and refuses it with 422
 * and the validator's OperationOutcome when there is an error. One validator per message
 * language ({@link ValidatorWorkerContexts}), built once and kept warm; a write is validated in
 * the language of its request.
 */
@Component
@Interceptor
@ConditionalOnProperty(name = "ifp.profiles.validate-on-write", havingValue = "true", matchIfMissing = true)
class ProfileValidatingInterceptor implements StorageInterceptor {

  private final PerLanguage<FhirValidator> validators;
  private final RequestLanguage requestLanguage;
  private final ProfileSelector selector;
  private final ObjectProvider<RuleChecks> ruleChecks;

  ProfileValidatingInterceptor(
      FhirContext fhirContext,
      ValidatorWorkerContexts workerContexts,
      RequestLanguage requestLanguage,
      ProfileSelector selector,
      ObjectProvider<RuleChecks> ruleChecks,
      // Not used here: asking for it makes sure the package is in the chain before any write.
      IfpValidationSupport ifpPackageLoaded) {
    this.validators = new PerLanguage<>(language ->
        fhirContext.newValidator().registerValidatorModule(workerContexts.newValidator(language)));
    this.requestLanguage = requestLanguage;
    this.selector = selector;
    this.ruleChecks = ruleChecks;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void validateCreated(IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void validateUpdated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  private void validate(IBaseResource resource, RequestDetails request) {
    List<String> profiles = selector.profilesFor((Resource) resource);
    if (profiles.isEmpty()) {
      return;
    }
    ValidationOptions options = new ValidationOptions();
    profiles.forEach(options::addProfile);
    ValidationResult result = validators.in(requestLanguage.of(request))
        .validateWithResult(resource, options);
    boolean hasError = result.getMessages().stream().anyMatch(m ->
        m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL);
    if (hasError) {
      OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
      addRuleFindings(outcome, (Resource) resource, request);
      throw new UnprocessableEntityException(
          "The " + resource.fhirType() + " does not conform to " + String.join(", ", profiles),
          outcome);
    }
  }

  /**
   * The write stops here, before the IFP rules would run: report their findings too, so that a
   * client always gets the rule's coded issue (rules.md, "Reporting").
   */
  private void addRuleFindings(OperationOutcome outcome, Resource resource, RequestDetails request) {
    RuleChecks checks = ruleChecks.getIfAvailable();
    if (checks != null && checks.isChecked(resource)) {
      checks.report(outcome, checks.ifWritten(List.of(resource)), request);
    }
  }
}
