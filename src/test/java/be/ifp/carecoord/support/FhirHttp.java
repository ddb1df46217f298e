package be.ifp.carecoord.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Plain HTTP against the server: for what a FHIR client library would not let us send. */
public final class FhirHttp {

  public static final String FHIR_JSON = "application/fhir+json";
  public static final String FHIR_XML = "application/fhir+xml";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final String base;
  private final String token;

  /** Requests with the default token of the tests (a platform with every scope). */
  public FhirHttp(String base) {
    this(base, TestTokens.platform());
  }

  private FhirHttp(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server, with this bearer token on every request. */
  public FhirHttp withToken(String bearerToken) {
    return new FhirHttp(base, bearerToken);
  }

  /** The same server, without any Authorization header. */
  public FhirHttp withoutToken() {
    return new FhirHttp(base, null);
  }

  /** A request builder for a path below the server root, or an absolute URL. */
  public HttpRequest.Builder request(String path) {
    String url = path.startsWith("http") ? path : base + path;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    return send(request, BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public HttpResponse<String> put(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", contentType).PUT(BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public HttpResponse<String> patch(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", contentType).method("PATCH", BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public HttpResponse<String> method(String method, String path, String contentType, BodyPublisher body) {
    return send(request(path).header("Content-Type", contentType).method(method, body));
  }

  /** Asserts the status and that the body is an OperationOutcome with an error; returns it. */
  public static OperationOutcome assertOutcome(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    OperationOutcome outcome =
        contentType.contains("xml")
            ? FhirServerAccess.FHIR.newXmlParser().parseResource(OperationOutcome.class, response.body())
            : FhirServerAccess.FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getSeverity)
        .containsAnyOf(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueSeverity.FATAL);
    return outcome;
  }
}
