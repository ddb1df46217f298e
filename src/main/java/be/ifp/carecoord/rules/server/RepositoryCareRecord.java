package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.CareRecord;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@link CareRecord} of the server: reads and indexed reference searches through HAPI's DAOs,
 * in the caller's database transaction, so that a rule run just before commit sees the state the
 * transaction is about to commit. Runs as the system: access control is not the rules' concern.
 *
 * <p>Searches find ids only, and resources the caller already holds (those just written in this
 * transaction) are left out before anything is loaded: loading a resource again in the Hibernate
 * session that has just persisted it trips Hibernate ("possible non-threadsafe access to the
 * session").
 */
@Component
class RepositoryCareRecord implements CareRecord {

  private final DaoRegistry daos;
  private final Set<String> heldByCaller;

  @Autowired
  RepositoryCareRecord(DaoRegistry daos) {
    this(daos, Set.of());
  }

  private RepositoryCareRecord(DaoRegistry daos, Set<String> heldByCaller) {
    this.daos = daos;
    this.heldByCaller = heldByCaller;
  }

  /** This record without the resources (references {@code Type/id}) the caller holds itself. */
  RepositoryCareRecord without(Set<String> heldByCaller) {
    return new RepositoryCareRecord(daos, heldByCaller);
  }

  @Override
  public Optional<Resource> read(String reference) {
    if (heldByCaller.contains(reference)) {
      return Optional.empty();
    }
    IdType id = new IdType(reference);
    if (!id.hasResourceType() || !id.hasIdPart() || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      IBaseResource resource = daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails());
      return Optional.of((Resource) resource);
    } catch (ResourceNotFoundException | ResourceGoneException absent) {
      return Optional.empty();
    }
  }

  @Override
  public List<CareTeam> careTeamsOf(String patient) {
    return search(CareTeam.class, "subject", patient);
  }

  @Override
  public List<EpisodeOfCare> episodesOf(String patient) {
    return search(EpisodeOfCare.class, "patient", patient);
  }

  @Override
  public List<Consent> consentsOf(String patient) {
    return search(Consent.class, "patient", patient);
  }

  @Override
  public List<CarePlan> carePlansOf(String patient) {
    return search(CarePlan.class, "subject", patient);
  }

  private <T extends Resource> List<T> search(Class<T> type, String parameter, String patient) {
    if (!patient.startsWith("Patient/")) {
      return List.of();
    }
    IFhirResourceDao<T> dao = daos.getResourceDao(type);
    SearchParameterMap search = SearchParameterMap.newSynchronous(parameter, new ReferenceParam(patient));
    List<T> found = new ArrayList<>();
    for (IIdType id : dao.searchForResourceIds(search, new SystemRequestDetails())) {
      String reference = id.toUnqualifiedVersionless().getValue();
      if (!heldByCaller.contains(reference)) {
        read(reference).map(type::cast).ifPresent(found::add);
      }
    }
    return found;
  }
}
