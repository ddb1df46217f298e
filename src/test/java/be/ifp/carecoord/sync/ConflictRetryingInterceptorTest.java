package be.ifp.carecoord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.junit.jupiter.api.Test;

/** Which conflicts are retried: races between writes, never a client's own stale version. */
class ConflictRetryingInterceptorTest {

  private static final int RETRIES = 3;

  private final ConflictRetryingInterceptor interceptor =
      new ConflictRetryingInterceptor(new SyncProperties(RETRIES));

  @Test
  void writesWithoutIfMatch_areRetried() {
    for (RestOperationTypeEnum write : new RestOperationTypeEnum[] {
        RestOperationTypeEnum.CREATE, RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.TRANSACTION}) {
      ResourceVersionConflictResolutionStrategy strategy = interceptor.retryRacingWrites(request(write));

      assertThat(strategy.isRetry()).as("%s", write).isTrue();
      assertThat(strategy.getMaxRetries()).isEqualTo(RETRIES);
    }
  }

  @Test
  void updateWithIfMatch_isNotRetried() {
    SystemRequestDetails update = request(RestOperationTypeEnum.UPDATE);
    update.addHeader("If-Match", "W/\"1\"");

    assertThat(interceptor.retryRacingWrites(update).isRetry()).isFalse();
  }

  @Test
  void transactionWithAnIfMatchEntry_isNotRetried() {
    SystemRequestDetails transaction = request(RestOperationTypeEnum.TRANSACTION);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().getRequest().setMethod(HTTPVerb.PUT).setUrl("Organization/1").setIfMatch("W/\"1\"");
    transaction.setResource(bundle);

    assertThat(interceptor.retryRacingWrites(transaction).isRetry()).isFalse();
  }

  @Test
  void readsAndSystemWork_areLeftToHapi() {
    assertThat(interceptor.retryRacingWrites(request(RestOperationTypeEnum.READ)).isRetry()).isFalse();
    assertThat(interceptor.retryRacingWrites(null).isRetry()).isFalse();
  }

  private static SystemRequestDetails request(RestOperationTypeEnum operation) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.setRestOperationType(operation);
    return request;
  }
}
