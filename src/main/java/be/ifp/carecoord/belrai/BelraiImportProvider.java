package be.ifp.carecoord.belrai;

import be.ifp.carecoord.belrai.Problem.Kind;
import be.ifp.carecoord.server.RestServerProvider;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Observation/$import-belrai}: a type-level operation on Observation, because
 * what it creates are Observations (the person is only their subject, found by SSIN in the body,
 * so an instance-level {@code Patient/[id]/$import-belrai} would make the exporter learn the
 * server's ids first). Reads the JSON body ({@link BelraiAssessmentInput}), checks it ({@link
 * BelraiValidator}), finds the person and the assessor, and writes everything in one transaction
 * through HAPI's system DAO; answers the transaction-response Bundle, 201 when something was
 * created, 200 when the assessment was there already.
 */
@Component
class BelraiImportProvider implements RestServerProvider {

  static final String OPERATION = "$import-belrai";

  static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
  static final String NIHDI_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";

  /** The search parameter, the same on Patient and Practitioner. */
  private static final String IDENTIFIER = Patient.SP_IDENTIFIER;

  /** Two are enough to know that an identifier is not unique. */
  private static final int MATCHES_TO_LOOK_AT = 2;

  private static final String CREATED = String.valueOf(Constants.STATUS_HTTP_201_CREATED);

  private final BelraiValidator validator;
  private final BelraiMapper mapper;
  private final DaoRegistry daos;
  private final IFhirSystemDao<Bundle, Meta> systemDao;

  BelraiImportProvider(BelraiValidator validator, BelraiMapper mapper, DaoRegistry daos,
      IFhirSystemDao<Bundle, Meta> systemDao) {
    this.validator = validator;
    this.mapper = mapper;
    this.daos = daos;
    this.systemDao = systemDao;
  }

  @Operation(name = OPERATION, type = Observation.class, manualRequest = true, idempotent = false)
  public Bundle importAssessment(RequestDetails request) {
    BelraiAssessmentInput input = BelraiAssessmentInput.parse(request.loadRequestContents());
    List<Problem> problems = validator.problems(input);
    if (!problems.isEmpty()) {
      throw new ImportRefused(problems);
    }
    Optional<Reference> person = find(ResourceType.Patient, SSIN_SYSTEM, input.ssin(),
        BelraiValidator.SSIN, "person (Patient)", problems, request);
    Optional<Reference> assessor = find(ResourceType.Practitioner, NIHDI_SYSTEM, input.assessorNihdi(),
        BelraiValidator.ASSESSOR_NIHDI, "professional (Practitioner)", problems, request);
    if (!problems.isEmpty()) {
      throw new ImportRefused(problems);
    }
    Bundle response = systemDao.transaction(request, mapper.transaction(input, person.orElseThrow(),
        assessor.orElseThrow()));
    if (created(response) && request instanceof ServletRequestDetails servlet) {
      servlet.getServletResponse().setStatus(Constants.STATUS_HTTP_201_CREATED);
    }
    return response;
  }

  /** The one resource with this identifier, or a problem at the field when there is none or several. */
  private Optional<Reference> find(ResourceType type, String system, String value, String field,
      String what, List<Problem> problems, RequestDetails request) {
    SearchParameterMap search = SearchParameterMap.newSynchronous(IDENTIFIER, new TokenParam(system, value));
    IBundleProvider found = daos.getResourceDao(type.name()).search(search, request);
    List<IBaseResource> matches = new ArrayList<>(found.getResources(0, MATCHES_TO_LOOK_AT));
    if (matches.size() == 1) {
      return Optional.of(new Reference(matches.get(0).getIdElement().toUnqualifiedVersionless()));
    }
    problems.add(new Problem(field, Kind.NOT_FOUND, matches.isEmpty()
        ? "no " + what + " with identifier " + system + "|" + value
        : "several " + what + "s with identifier " + system + "|" + value + "; cannot tell which"));
    return Optional.empty();
  }

  private static boolean created(Bundle response) {
    return response.getEntry().stream()
        .anyMatch(entry -> entry.getResponse().getStatus().startsWith(CREATED));
  }
}
