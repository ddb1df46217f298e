package be.ifp.carecoord.sync;

import be.ifp.carecoord.server.RestServerInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.stereotype.Component;

/**
 * Makes {@code _history?_since=} page stably. HAPI pages a history by offset, newest first, and
 * runs the query again for every page: a version written between two page fetches pushes the
 * rest down, and the client gets an entry twice. So a type or system history asked for with
 * {@code _since=T} is answered as the closed window {@code _at=geT&_at=leNOW} (the same versions
 * HAPI selects at these levels, updated from T up to now), whose next links keep the window:
 * later versions fall outside it and every page sees the same list. The answer's
 * {@code Bundle.meta.lastUpdated} is the window's end, where the client's next pull starts, as for
 * a search. An instance's history is left alone: there {@code _at} means "current at T".
 */
@Component
@Interceptor
class HistoryWindowInterceptor implements RestServerInterceptor {

  private static final Set<RestOperationTypeEnum> PAGED_HISTORIES =
      Set.of(RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM);

  private final Clock clock;

  HistoryWindowInterceptor() {
    this(Clock.systemUTC());
  }

  HistoryWindowInterceptor(Clock clock) {
    this.clock = clock;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean closeTheWindow(RequestDetails request) {
    Map<String, String[]> parameters = request.getParameters();
    String[] since = parameters.get(Constants.PARAM_SINCE);
    if (PAGED_HISTORIES.contains(request.getRestOperationType())
        && since != null && since.length == 1 && !parameters.containsKey(Constants.PARAM_AT)) {
      Map<String, String[]> window = new HashMap<>(parameters);
      window.remove(Constants.PARAM_SINCE);
      window.put(Constants.PARAM_AT, new String[] {
          ParamPrefixEnum.GREATERTHAN_OR_EQUALS.getValue() + since[0],
          ParamPrefixEnum.LESSTHAN_OR_EQUALS.getValue() + instant(Date.from(clock.instant()))});
      request.setParameters(window);
    }
    return true;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean stampTheWindowEnd(RequestDetails request, ResponseDetails response) {
    String[] at = request.getParameters().get(Constants.PARAM_AT);
    if (PAGED_HISTORIES.contains(request.getRestOperationType())
        && at != null && response.getResponseResource() instanceof Bundle bundle) {
      Arrays.stream(at).map(DateParam::new)
          .filter(bound -> bound.getPrefix() == ParamPrefixEnum.LESSTHAN_OR_EQUALS)
          .findFirst()
          .ifPresent(end -> bundle.getMeta().setLastUpdated(new DateRangeParam(null, end).getUpperBoundAsInstant()));
    }
    return true;
  }

  private static String instant(Date date) {
    return new InstantType(date, TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone("UTC")).getValueAsString();
  }
}
