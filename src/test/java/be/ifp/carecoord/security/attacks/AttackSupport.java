package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * What every attack contract shares: the scene (A, B), the callers, and the assertion of a
 * refusal: the status, an OperationOutcome, and nothing of B.
 */
interface AttackSupport extends FhirServerAccess {

  String JSON_PATCH = "application/json-patch+json";
  /** A harmless change of any resource, should a PATCH come through. */
  String ANY_PATCH = "[{\"op\":\"add\",\"path\":\"/language\",\"value\":\"nl-BE\"}]";

  default AttackScene scene() {
    return AttackScene.of(this);
  }

  /** Person A, reached by P1. */
  default PersonFile ours() {
    return scene().ours();
  }

  /** Person B, reached by P2 and nobody of A's. */
  default TargetPerson theirs() {
    return scene().theirs();
  }

  default FhirHttp as(String token) {
    return http().withToken(token);
  }

  /** P1, the care provider in A's team, with every user/ scope. */
  default FhirHttp p1() {
    return as(Attackers.teamMember(ours(), Attackers.ALL_USER_SCOPES));
  }

  default HttpResponse<String> delete(FhirHttp caller, String path) {
    return caller.method("DELETE", path, FhirHttp.FHIR_JSON, BodyPublishers.noBody());
  }

  /**
   * Asserts a refusal with one of the statuses, as an OperationOutcome, that shows nothing of B
   * (and never a 5xx: a 500 tells the attacker that something was there).
   */
  default void assertRefused(HttpResponse<String> response, Integer... statuses) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isIn(Arrays.asList(statuses));
    assertOutcome(response, response.statusCode());
    theirs().assertNothingOfHersIn(response);
  }

  default void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isBetween(200, 299);
  }

  /**
   * What an OperationOutcome says (each issue's severity, code, diagnostics and details), with
   * the given strings (the ids, names or numbers the two compared requests differ by) made equal.
   */
  static String outcomeText(HttpResponse<String> response, String... differences) {
    org.hl7.fhir.r4.model.OperationOutcome outcome =
        parse(org.hl7.fhir.r4.model.OperationOutcome.class, response.body());
    StringBuilder text = new StringBuilder();
    outcome.getIssue().forEach(issue -> text.append(issue.getSeverity()).append('|').append(issue.getCode())
        .append('|').append(issue.getDiagnostics()).append('|').append(issue.getDetails().getText()).append('\n'));
    String said = text.toString();
    for (String difference : differences) {
      said = said.replace(difference, "{}");
    }
    return said;
  }

  /** Asserts that two refusals say the same, once what the requests differ by is made equal. */
  static void assertSameRefusal(HttpResponse<String> one, HttpResponse<String> other, String... differences) {
    assertThat(other.statusCode()).as("status, %s vs %s", one.body(), other.body()).isEqualTo(one.statusCode());
    assertThat(outcomeText(other, differences)).isEqualTo(outcomeText(one, differences));
    assertThat(one.body()).doesNotContain("HAPI-");
    assertThat(other.body()).doesNotContain("HAPI-");
  }

  static String json(Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  static <T extends Resource> T parse(Class<T> type, String json) {
    return FHIR.newJsonParser().parseResource(type, json);
  }

  static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(200);
    return parse(Bundle.class, response.body());
  }

  /** An id no resource has: numeric, like the server's own, so it cannot be told apart by form. */
  static String missingId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_900_000_000L));
  }
}
