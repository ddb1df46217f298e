package be.ifp.carecoord.sync;

import be.ifp.carecoord.locks.TransactionLocks;
import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * Makes a conditional create or upsert that finds nothing and creates a resource wait for any
 * other request creating under the same conditional URL, then looks again.
 *
 * <p>HAPI guards a conditional URL with a unique row in {@code HFJ_RES_SEARCH_URL}, but removes
 * it as soon as the new resource is updated. Under many syncing clients that happens within
 * moments: one client creates, a second one's retried upsert updates it (row gone), and a
 * third that searched before the first commit then stores a second copy. Here the create takes a
 * lock on its conditional URL, held to commit, and searches again once it has it: a match means
 * another request won, and the write is run again ({@link ConflictRetryingInterceptor}), now
 * finding that resource.
 */
@Component
@Interceptor
class ConditionalCreateGuard implements StorageInterceptor {

  private static final String BUNDLE = ConditionalCreateGuard.class.getName() + ".bundle";

  private final TransactionLocks locks;
  private final DaoRegistry daos;
  private final MatchUrlService matchUrls;
  private final FhirContext fhirContext;

  ConditionalCreateGuard(TransactionLocks locks, DaoRegistry daos, MatchUrlService matchUrls,
      FhirContext fhirContext) {
    this.locks = locks;
    this.daos = daos;
    this.matchUrls = matchUrls;
    this.fhirContext = fhirContext;
  }

  /**
   * Remembers the transaction or batch Bundle: its entries say under which conditional URL each
   * of their resources is created ({@link RequestDetails#getResource()} does not hold it).
   */
  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void rememberBundle(IBaseBundle bundle, RequestDetails request) {
    if (request != null && bundle instanceof Bundle requestBundle) {
      request.getUserData().put(BUNDLE, requestBundle);
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void lockConditionalUrl(IBaseResource resource, RequestDetails request) {
    if (request == null) {
      return;
    }
    String conditionalUrl =
        ConditionalUrls.creating(resource, request, (Bundle) request.getUserData().get(BUNDLE));
    if (conditionalUrl == null) {
      return;
    }
    locks.lockForTransaction("conditional " + conditionalUrl);
    if (matchesStoredResource(resource.fhirType(), conditionalUrl)) {
      throw new ResourceVersionConflictException(
          "Another request created " + conditionalUrl + " at the same moment; retry the request");
    }
  }

  /**
   * A fresh search: HAPI's own match result for this request may be from before the lock. It
   * runs as the system, so that nothing the client may not see hides the match.
   */
  private boolean matchesStoredResource(String type, String conditionalUrl) {
    SearchParameterMap match =
        matchUrls.translateMatchUrl(conditionalUrl, fhirContext.getResourceDefinition(type));
    match.setLoadSynchronous(true);
    match.setCount(1);
    return !daos.getResourceDao(type).searchForIds(match, new SystemRequestDetails()).isEmpty();
  }
}
