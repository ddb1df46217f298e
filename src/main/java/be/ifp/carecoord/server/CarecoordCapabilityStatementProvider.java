package be.ifp.carecoord.server;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBaseConformance;

/**
 * The server's CapabilityStatement: HAPI's JPA statement (resources, search parameters,
 * operations, counts), named and described as this server.
 */
class CarecoordCapabilityStatementProvider extends JpaCapabilityStatementProvider {

  static final String NAME = "IfpCarecoordServer";
  static final String TITLE = "ifp-carecoord FHIR R4 server";
  static final String PUBLISHER = "ifp-carecoord";

  CarecoordCapabilityStatementProvider(
      RestfulServer server,
      IFhirSystemDao<?, ?> systemDao,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      String description) {
    super(server, systemDao, storageSettings, searchParamRegistry, validationSupport);
    setImplementationDescription(description);
    setPublisher(PUBLISHER);
  }

  @Override
  protected void postProcess(FhirTerser terser, IBaseConformance capabilityStatement) {
    super.postProcess(terser, capabilityStatement);
    terser.setElement(capabilityStatement, "name", NAME);
    terser.setElement(capabilityStatement, "title", TITLE);
  }
}
