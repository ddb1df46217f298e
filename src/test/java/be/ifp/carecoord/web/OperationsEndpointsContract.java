package be.ifp.carecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Health probes, metrics, request ids and the structured request log. */
public interface OperationsEndpointsContract extends FhirServerAccess {

  @Test
  default void livenessAndReadiness_areUp() {
    HttpResponse<String> liveness = http().get("/manage/health/liveness");
    HttpResponse<String> readiness = http().get("/manage/health/readiness");

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
  }

  @Test
  default void prometheus_exposesRequestMetrics() {
    http().get("/fhir/metadata");

    HttpResponse<String> metrics = http().withToken(TestTokens.operator()).get("/manage/prometheus");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
  }

  @Test
  default void requestId_isEchoedWhenGivenAndGeneratedOtherwise() {
    HttpResponse<String> given = http().get("/fhir/metadata", "X-Request-ID", "vendor-trace.42");
    HttpResponse<String> generated = http().get("/fhir/metadata");
    HttpResponse<String> management = http().get("/manage/health", "X-Request-ID", "probe-7");

    assertThat(given.headers().allValues("X-Request-ID")).containsExactly("vendor-trace.42");
    assertThat(generated.headers().firstValue("X-Request-ID")).hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThanOrEqualTo(8));
    assertThat(management.headers().allValues("X-Request-ID")).containsExactly("probe-7");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  default void everyRequest_isLoggedAsOneStructuredLine(CapturedOutput output) {
    String path = "/fhir/Patient/does-not-exist-" + System.nanoTime();

    http().get(path, "X-Request-ID", "log-check-1");

    // The line is written when the request completes, which may be just after the client has
    // the response.
    String expected = "method=GET path=" + path + " status=404 durationMs=";
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(output.getOut()).containsPattern(Pattern.quote(expected) + "\\d+ requestId=log-check-1"));
  }
}
