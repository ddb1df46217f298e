package be.ifp.carecoord.security;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.stereotype.Component;

/**
 * Says in the CapabilityStatement how clients authenticate: SMART on FHIR (OAuth 2.0 bearer
 * tokens) with a pointer to the SMART configuration, or, in development mode, loudly that there
 * is no protection at all.
 */
@Component
@Interceptor
class SecurityInCapabilityStatement implements RestServerInterceptor {

  static final String DEVELOPMENT_WARNING = "DEVELOPMENT MODE: NOT SECURE. Requests without a token are served"
      + " with full access, and tokens signed with the published dev-only key are trusted. Never use with real data.";
  private static final String SMART_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";

  private final SecurityProperties properties;

  SecurityInCapabilityStatement(SecurityProperties properties) {
    this.properties = properties;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
    security.addService(new CodeableConcept(
        new Coding(SMART_SYSTEM, "SMART-on-FHIR", "SMART-on-FHIR")));
    if (properties.development()) {
      security.setDescription(DEVELOPMENT_WARNING);
      statement.getImplementation().setDescription(
          DEVELOPMENT_WARNING + " " + statement.getImplementation().getDescription());
    } else {
      security.setCors(false);
      security.setDescription("OAuth 2.0 bearer tokens (JWT) of " + properties.jwt().issuer()
          + " with SMART v2 scopes; see .well-known/smart-configuration");
    }
  }
}
