package be.ifp.carecoord.profiles;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.springframework.stereotype.Component;

/** Lists the IFP profiles of each resource type as {@code supportedProfile} in /metadata. */
@Component
@Interceptor
class SupportedProfilesInterceptor implements RestServerInterceptor {

  private final Map<String, List<String>> profilesByType;

  SupportedProfilesInterceptor(IfpPackage ifpPackage) {
    this.profilesByType = ifpPackage.conformanceResources().stream()
        .filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast)
        .filter(sd -> sd.getKind() == StructureDefinitionKind.RESOURCE
            && sd.getDerivation() == TypeDerivationRule.CONSTRAINT)
        .collect(Collectors.groupingBy(StructureDefinition::getType,
            Collectors.mapping(StructureDefinition::getUrl, Collectors.toList())));
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void addSupportedProfiles(IBaseConformance capabilityStatement) {
    for (CapabilityStatementRestResourceComponent resource :
        ((CapabilityStatement) capabilityStatement).getRestFirstRep().getResource()) {
      // HAPI may hand us a cached statement it has already been through.
      profilesByType.getOrDefault(resource.getType(), List.of()).stream()
          .filter(url -> !resource.hasSupportedProfile(url))
          .forEach(resource::addSupportedProfile);
    }
  }
}
