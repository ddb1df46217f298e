package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.locks.TransactionLocks;
import be.ifp.carecoord.profiles.IfpPackage;
import be.ifp.carecoord.rules.EligibleProfessions;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleCatalogue;
import be.ifp.carecoord.rules.RuleEngine;
import be.ifp.carecoord.rules.RuleSettings;
import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the rule engine into the server: settings, professions from the package, locks, hooks. */
@Configuration
@ConditionalOnProperty(name = "ifp.rules.enabled", havingValue = "true", matchIfMissing = true)
class RuleEngineConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RuleEngineConfiguration.class);

  @Bean
  RuleEngine ruleEngine(RulesProperties properties, IfpPackage ifpPackage) {
    List<Rule> catalogue = RuleCatalogue.all();
    RuleSettings settings = RuleSettingsFactory.from(properties, catalogue);
    RuleEngine engine = new RuleEngine(catalogue, settings, professions(ifpPackage), Clock.systemUTC());
    log.info("IFP rules: {} of {} active, default entity {}, overrides {}",
        engine.rules().size(), catalogue.size(), settings.defaultEntity(), settings.severityOverrides());
    return engine;
  }

  @Bean
  RuleChecks ruleChecks(RuleEngine engine, RepositoryCareRecord record, TransactionLocks locks,
      RulesProperties properties) {
    return new RuleChecks(engine, record, locks, properties.defaultLanguage());
  }

  @Bean
  RuleEnforcingInterceptor ruleEnforcingInterceptor(RuleChecks checks) {
    return new RuleEnforcingInterceptor(checks);
  }

  @Bean
  RuleWarningsResponder ruleWarningsResponder(RuleChecks checks) {
    return new RuleWarningsResponder(checks);
  }

  @Bean
  ValidateOperationRulesInterceptor validateOperationRulesInterceptor(FhirContext fhirContext, RuleChecks checks) {
    return new ValidateOperationRulesInterceptor(fhirContext, checks);
  }

  private static EligibleProfessions professions(IfpPackage ifpPackage) {
    List<Resource> resources = ifpPackage.conformanceResources();
    return EligibleProfessions.of(
        valueSet(resources, "ifp-health-professions"),
        valueSet(resources, "ifp-welfare-professions"),
        resources.stream().filter(CodeSystem.class::isInstance).map(CodeSystem.class::cast).toList());
  }

  private static ValueSet valueSet(List<Resource> resources, String id) {
    String url = Canonicals.BASE + "/ValueSet/" + id;
    return resources.stream()
        .filter(ValueSet.class::isInstance)
        .map(ValueSet.class::cast)
        .filter(vs -> url.equals(vs.getUrl()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The IFP package lacks " + url));
  }
}
