package be.ifp.carecoord.sync;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Retries a write that lost a race with another write. HAPI's transaction service asks this
 * hook when a write fails on a version conflict or a unique constraint (e.g. HAPI-0550: another
 * request created the same conditional URL a moment earlier) and then runs the whole request
 * transaction again, so the conditional create finds the resource the winner stored and answers
 * 200 instead of 409. Stock HAPI retries only when the client sends {@code
 * X-Retry-On-Version-Conflict}; platforms should not need to know that.
 */
@Component
@Interceptor
class ConflictRetryingInterceptor implements StorageInterceptor {

  private static final Set<RestOperationTypeEnum> WRITES = Set.of(
      RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE,
      RestOperationTypeEnum.PATCH,
      RestOperationTypeEnum.DELETE,
      RestOperationTypeEnum.TRANSACTION,
      RestOperationTypeEnum.BATCH);

  private final int retries;

  ConflictRetryingInterceptor(SyncProperties properties) {
    this.retries = properties.conflictRetries();
  }

  @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
  public ResourceVersionConflictResolutionStrategy retryRacingWrites(RequestDetails request) {
    ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
    if (request != null
        && WRITES.contains(request.getRestOperationType())
        && !OptimisticLocking.askedFor(request)) {
      strategy.setRetry(true);
      strategy.setMaxRetries(retries);
    }
    return strategy;
  }
}
