package be.ifp.carecoord.web;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static be.ifp.carecoord.support.FhirHttp.FHIR_XML;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import be.ifp.carecoord.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a 4xx with an OperationOutcome, never a 500, and nothing is stored. The body
 * size limit is the default 10 MB.
 */
public interface BadInputContract extends FhirServerAccess {

  int LIMIT_BYTES = 10 * 1024 * 1024;

  @Test
  default void malformedJson_is400() {
    assertRefused(() -> http().post("/fhir/Patient", FHIR_JSON, "{\"resourceType\":\"Patient\",\"name\":[{"), 400);
  }

  @Test
  default void malformedXml_is400() {
    assertRefused(() -> http().post("/fhir/Patient", FHIR_XML,
        "<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"X\"/></Patient>"), 400);
  }

  @Test
  default void resourceOfAnotherTypeThanTheUrl_is400() {
    String observation = FHIR.newJsonParser().encodeResourceToString(
        TestData.observationAbout("Patient/x"));
    int observations = StoredResources.count(this, "Observation");

    assertRefused(() -> http().post("/fhir/Patient", FHIR_JSON, observation), 400);
    assertThat(StoredResources.count(this, "Observation")).isEqualTo(observations);
  }

  @Test
  default void unknownResourceType_is4xx() {
    HttpResponse<String> read = http().get("/fhir/CareCoordinator/1");
    HttpResponse<String> create = http().post("/fhir/CareCoordinator", FHIR_JSON,
        "{\"resourceType\":\"CareCoordinator\"}");

    assertThat(read.statusCode()).isBetween(400, 499);
    FhirHttp.assertOutcome(read, read.statusCode());
    assertThat(create.statusCode()).isBetween(400, 499);
    FhirHttp.assertOutcome(create, create.statusCode());
  }

  @Test
  default void danglingReference_is400AndNamesTheReference() {
    int observations = StoredResources.count(this, "Observation");
    String observation = FHIR.newJsonParser().encodeResourceToString(
        TestData.observationAbout("Patient/nobody-here"));

    HttpResponse<String> response = http().post("/fhir/Observation", FHIR_JSON, observation);

    OperationOutcome outcome = FhirHttp.assertOutcome(response, 400);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Patient/nobody-here");
    assertThat(StoredResources.count(this, "Observation")).isEqualTo(observations);
  }

  @Test
  default void bodyOverTheLimit_is413BeforeReading() {
    String value = TestData.uniqueValue();
    String body = paddedPatient(value, LIMIT_BYTES + 1024);

    assertRefused(() -> http().post("/fhir/Patient", FHIR_JSON, body), 413);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
  }

  @Test
  default void chunkedBodyOverTheLimit_is413() {
    String value = TestData.uniqueValue();
    byte[] body = paddedPatient(value, LIMIT_BYTES + 1024).getBytes(StandardCharsets.UTF_8);

    // No Content-Length: the limit is enforced while the body is read.
    assertRefused(() -> http().method("POST", "/fhir/Patient", FHIR_JSON,
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), 413);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
  }

  @Test
  default void gzipBodyInflatingOverTheLimit_is413() throws IOException {
    String value = TestData.uniqueValue();
    byte[] compressed = gzip(paddedPatient(value, LIMIT_BYTES * 3));

    assertRefused(() -> postGzipped("/fhir/Patient", compressed), 413);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
  }

  @Test
  default void gzipBodyWithinTheLimit_isAccepted() throws IOException {
    String value = TestData.uniqueValue();
    HttpResponse<String> response = postGzipped("/fhir/Patient", gzip(TestData.patientJson(value)));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isEqualTo(1);
  }

  @Test
  default void xmlWithExternalEntities_isRefusedWithoutReadingFilesOrCallingOut(@TempDir Path dir)
      throws IOException {
    String secret = "secret-" + TestData.uniqueValue();
    Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String value = TestData.uniqueValue();
      String xml = "<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE Patient [\n"
          + "  <!ENTITY file SYSTEM \"" + secretFile.toUri() + "\">\n"
          + "  <!ENTITY remote SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/x\">\n"
          + "]>\n"
          + "<Patient xmlns=\"http://hl7.org/fhir\">"
          + "<identifier><system value=\"" + TestData.TEST_SYSTEM + "\"/><value value=\"" + value + "\"/></identifier>"
          + "<name><family value=\"&file;&remote;\"/></name></Patient>";

      AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
      assertRefused(() -> {
        response.set(http().post("/fhir/Patient", FHIR_XML, xml));
        return response.get();
      }, 400);
      assertThat(response.get().body()).doesNotContain(secret);
      assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
      listener.setSoTimeout(200);
      boolean calledOut;
      try (var ignored = listener.accept()) {
        calledOut = true;
      } catch (SocketTimeoutException expected) {
        calledOut = false;
      }
      assertThat(calledOut).as("the server opened a connection for an entity").isFalse();
    }
  }

  @Test
  default void xmlWithDoctypeOnly_isRefused() {
    String xml = "<!DOCTYPE Patient><Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\"/></Patient>";
    assertRefused(() -> http().post("/fhir/Patient", FHIR_XML, xml), 400);
  }

  @Test
  default void jsonNarrativeWithDoctype_isRefused() {
    String value = TestData.uniqueValue();
    String json = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + TestData.TEST_SYSTEM
        + "\",\"value\":\"" + value + "\"}],\"text\":{\"status\":\"generated\",\"div\":"
        + "\"<!DOCTYPE div [<!ENTITY e SYSTEM \\\"file:///etc/passwd\\\">]><div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">&e;</div>\"}}";

    assertRefused(() -> http().post("/fhir/Patient", FHIR_JSON, json), 400);
    assertThat(StoredResources.withTestIdentifier(this, "Patient", value)).isZero();
  }

  @Test
  default void deeplyNestedJson_is400() {
    int depth = 5_000;
    String json = "{\"resourceType\":\"Patient\",\"extension\":"
        + "[{\"url\":\"urn:x\",\"extension\":".repeat(depth) + "[]" + "}]".repeat(depth) + "}";

    OperationOutcome outcome = assertRefused(() -> http().post("/fhir/Patient", FHIR_JSON, json), 400);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("nested deeper");
  }

  @Test
  default void nestingWithinTheLimit_isAccepted() {
    String json = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"extension\":"
        + "[{\"url\":\"urn:x\",\"extension\":".repeat(10) + "[{\"url\":\"urn:y\",\"valueString\":\"deep\"}]"
        + "}]".repeat(10) + "}";

    assertThat(http().post("/fhir/QuestionnaireResponse", FHIR_JSON, json).statusCode()).isEqualTo(201);
  }

  /** Sends the request, asserts the refusal and that no Patient was stored meanwhile. */
  private OperationOutcome assertRefused(Supplier<HttpResponse<String>> request, int status) {
    int patients = StoredResources.count(this, "Patient");
    OperationOutcome outcome = FhirHttp.assertOutcome(request.get(), status);
    assertThat(StoredResources.count(this, "Patient")).isEqualTo(patients);
    return outcome;
  }

  private HttpResponse<String> postGzipped(String path, byte[] body) {
    return http().send(http().request(path)
        .header("Content-Type", FHIR_JSON)
        .header("Content-Encoding", "gzip")
        .POST(BodyPublishers.ofByteArray(body)));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return compressed.toByteArray();
  }

  /** A valid Patient JSON padded with a long name to at least {@code size} bytes. */
  private static String paddedPatient(String identifierValue, int size) {
    String head = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + TestData.TEST_SYSTEM
        + "\",\"value\":\"" + identifierValue + "\"}],\"name\":[{\"family\":\"";
    return head + "x".repeat(size) + "\"}]}";
  }
}
