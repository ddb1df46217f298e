package be.ifp.carecoord.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the IFP package (with its generated snapshots) and the national code systems it binds
 * to at the front of HAPI's validation support chain, so that validation on write and
 * {@code $validate} find every IFP profile in memory, warm, with no remote terminology.
 */
@Component
class IfpValidationSupport {

  private static final Logger log = LoggerFactory.getLogger(IfpValidationSupport.class);

  IfpValidationSupport(FhirContext fhirContext, IfpPackage ifpPackage, JpaValidationSupportChain chain) {
    PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(fhirContext);
    ifpPackage.conformanceResources().forEach(support::addResource);
    ifpPackage.externalTerminology().forEach(support::addResource);
    chain.addValidationSupport(0, support);
    chain.invalidateCaches();
    log.info("IFP package loaded into validation: {} conformance resources, {} external code systems",
        ifpPackage.conformanceResources().size(), ifpPackage.externalTerminology().size());
  }
}
