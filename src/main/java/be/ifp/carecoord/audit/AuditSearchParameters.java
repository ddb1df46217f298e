package be.ifp.carecoord.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.SearchParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps AuditEvent searchable only by what the access log is searched by
 * ({@code ifp.audit.searchable-by}). Every AuditEvent search parameter costs index rows on every
 * event, and an event is written for every person read: with all of R4's, a read's event wrote
 * about 18 index rows, with the kept ones about 8. The others are retired the way HAPI lets a
 * server switch off a built-in parameter: a stored SearchParameter with the built-in's URL and
 * status {@code retired}. Taking a name back into the list deletes that override again; events
 * stored meanwhile are then found by it only after a {@code $reindex}.
 */
@Component
class AuditSearchParameters {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSearchParameters.class);
  private static final String AUDIT_EVENT = "AuditEvent";

  private final Set<String> searchableBy;
  private final DaoRegistry daos;
  private final ISearchParamRegistry registry;
  private final FhirContext fhirContext;

  AuditSearchParameters(AuditProperties properties, DaoRegistry daos, ISearchParamRegistry registry,
      FhirContext fhirContext) {
    this.searchableBy = Set.copyOf(properties.searchableBy());
    this.daos = daos;
    this.registry = registry;
    this.fhirContext = fhirContext;
  }

  /** After the IFP package is installed (order 0), before clients are served. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void retireUnsearchedParameters() {
    IFhirResourceDao<SearchParameter> dao = daos.getResourceDao(SearchParameter.class);
    List<SearchParameter> builtIns = builtInParameters();
    Set<String> retired = retiredOverrides(dao, builtIns);
    int changed = 0;
    for (SearchParameter builtIn : builtIns) {
      boolean retire = !searchableBy.contains(builtIn.getCode());
      if (retire && !retired.contains(builtIn.getIdPart())) {
        SearchParameter override = builtIn.copy();
        override.setId(builtIn.getIdPart());
        override.setStatus(PublicationStatus.RETIRED);
        dao.update(override, new SystemRequestDetails());
        changed++;
      } else if (!retire && retired.contains(builtIn.getIdPart())) {
        dao.delete(new IdType(SearchParameter.class.getSimpleName(), builtIn.getIdPart()), new SystemRequestDetails());
        changed++;
      }
    }
    if (changed > 0) {
      registry.forceRefresh();
      LOG.info("AuditEvent search parameters: {} changed; searchable by {}", changed, searchableBy);
    }
  }

  /** R4's own AuditEvent search parameters; those shared with other resource types stay. */
  private List<SearchParameter> builtInParameters() {
    List<IBaseResource> all = FhirContext.forCached(fhirContext.getVersion().getVersion()).getValidationSupport()
        .fetchAllSearchParameters();
    return all.stream().map(SearchParameter.class::cast)
        .filter(p -> p.getBase().size() == 1 && AUDIT_EVENT.equals(p.getBase().get(0).getCode()))
        .toList();
  }

  /** The ids of the built-ins already stored as retired, found in one search. */
  private static Set<String> retiredOverrides(IFhirResourceDao<SearchParameter> dao, List<SearchParameter> builtIns) {
    TokenOrListParam ids = new TokenOrListParam();
    builtIns.forEach(builtIn -> ids.add(builtIn.getIdPart()));
    SearchParameterMap byId = SearchParameterMap.newSynchronous().add(IAnyResource.SP_RES_ID, ids);
    return dao.searchForResources(byId, new SystemRequestDetails()).stream()
        .filter(stored -> stored.getStatus() == PublicationStatus.RETIRED)
        .map(stored -> stored.getIdElement().getIdPart())
        .collect(Collectors.toSet());
  }
}
