package be.ifp.carecoord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** Which histories get a closed window, and that the answer names its end. */
class HistoryWindowInterceptorTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");

  private final HistoryWindowInterceptor interceptor =
      new HistoryWindowInterceptor(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void typeAndSystemHistorySince_becomeAWindowEndingNow() {
    for (RestOperationTypeEnum history
        : new RestOperationTypeEnum[] {RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM}) {
      SystemRequestDetails request = request(history, Map.of("_since", new String[] {"2026-11-24T09:00:00Z"},
          "_count", new String[] {"2"}));

      interceptor.closeTheWindow(request);

      assertThat(request.getParameters()).containsOnlyKeys("_at", "_count");
      assertThat(request.getParameters().get("_at"))
          .containsExactly("ge2026-11-24T09:00:00Z", "le2026-11-24T10:15:30.123+00:00");
    }
  }

  @Test
  void instanceHistory_andAClientsOwnWindow_areLeftAlone() {
    SystemRequestDetails instance = request(RestOperationTypeEnum.HISTORY_INSTANCE,
        Map.of("_since", new String[] {"2026-11-24T09:00:00Z"}));
    SystemRequestDetails own = request(RestOperationTypeEnum.HISTORY_TYPE,
        Map.of("_at", new String[] {"ge2026-11-24T09:00:00Z"}));

    interceptor.closeTheWindow(instance);
    interceptor.closeTheWindow(own);

    assertThat(instance.getParameters()).containsOnlyKeys("_since");
    assertThat(own.getParameters().get("_at")).containsExactly("ge2026-11-24T09:00:00Z");
  }

  @Test
  void theAnswer_carriesTheWindowEndAsItsLastUpdated() {
    SystemRequestDetails request = request(RestOperationTypeEnum.HISTORY_SYSTEM,
        Map.of("_since", new String[] {"2026-11-24T09:00:00Z"}));
    interceptor.closeTheWindow(request);
    Bundle page = new Bundle();
    page.getMeta().setLastUpdated(Date.from(NOW.plusSeconds(1)));

    interceptor.stampTheWindowEnd(request, new ResponseDetails(page));

    assertThat(page.getMeta().getLastUpdated()).isEqualTo(Date.from(NOW));
  }

  private static SystemRequestDetails request(RestOperationTypeEnum operation, Map<String, String[]> parameters) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.setRestOperationType(operation);
    request.setParameters(new java.util.HashMap<>(parameters));
    return request;
  }
}
