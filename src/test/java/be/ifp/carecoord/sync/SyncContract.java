package be.ifp.carecoord.sync;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.StoredResources;
import be.ifp.carecoord.support.TestData;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/**
 * The sync contract for platforms: upserts by business identifier that survive replays and many
 * clients creating the same shared professionals and organisations at the same moment, while
 * optimistic locking with {@code If-Match} keeps answering 412.
 */
public interface SyncContract extends FhirServerAccess {

  /** As many clients as a busy sync morning sends the same new organisation at once. */
  int CLIENTS = 12;

  @Test
  default void concurrentConditionalCreates_allSucceedAndStoreOne() {
    String value = TestData.uniqueValue();
    String body = SharedResources.organisationJson(value);

    List<HttpResponse<String>> responses = Concurrently.run(CLIENTS, () ->
        http().post("/fhir/Organization", FHIR_JSON, body, "If-None-Exist", SharedResources.byTestIdentifier(value)));

    assertAllSucceeded(responses);
    assertThat(StoredResources.withTestIdentifier(this, "Organization", value)).isEqualTo(1);
  }

  @Test
  default void concurrentConditionalUpdates_allSucceedAndStoreOne() {
    String value = TestData.uniqueValue();
    String body = SharedResources.organisationJson(value);

    List<HttpResponse<String>> responses = Concurrently.run(CLIENTS, () ->
        http().put("/fhir/Organization?" + SharedResources.byTestIdentifierInUrl(value), FHIR_JSON, body));

    assertAllSucceeded(responses);
    assertThat(StoredResources.withTestIdentifier(this, "Organization", value)).isEqualTo(1);
  }

  @Test
  default void concurrentTransactions_withTheSameConditionalCreates_allSucceedAndStoreOne() {
    assertConcurrentTransactionsStoreOnce(SharedResources::conditionalCreatesJson);
  }

  @Test
  default void concurrentTransactions_withTheSameUpsert_allSucceedAndStoreOne() {
    assertConcurrentTransactionsStoreOnce(SharedResources::conditionalCreateAndUpdateJson);
  }

  @Test
  default void replayedTransaction_createsNoDuplicates() {
    ConformanceExamples.loadValid(this);
    String practitioner = TestData.uniqueValue();
    String organisation = TestData.uniqueValue();
    String bundle = SharedResources.conditionalCreateAndUpdateJson(practitioner, organisation);
    assertThat(StoredResources.withTestIdentifier(this, "Practitioner", practitioner)).isZero();
    assertThat(StoredResources.withTestIdentifier(this, "Organization", organisation)).isZero();

    HttpResponse<String> first = http().post("/fhir", FHIR_JSON, bundle);
    HttpResponse<String> replay = http().post("/fhir", FHIR_JSON, bundle);

    assertAllSucceeded(List.of(first, replay));
    assertThat(StoredResources.withTestIdentifier(this, "Practitioner", practitioner)).isEqualTo(1);
    assertThat(StoredResources.withTestIdentifier(this, "Organization", organisation)).isEqualTo(1);
    // The replay found both: the conditional create did nothing, the upsert updated in place.
    Bundle replayed = FHIR.newJsonParser().parseResource(Bundle.class, replay.body());
    assertThat(replayed.getEntry()).extracting(entry -> entry.getResponse().getStatus())
        .allSatisfy(status -> assertThat(status).startsWith("200"));
  }

  /**
   * Tools editing the same record at once (two platforms and an EHR, say): each update that loses
   * the race is run again on the newest version, within the default number of retries.
   */
  int EDITORS = 4;

  @Test
  default void concurrentUpdatesWithoutIfMatch_allSucceed() {
    String value = TestData.uniqueValue();
    HttpResponse<String> created =
        http().post("/fhir/Organization", FHIR_JSON, SharedResources.organisationJson(value));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = new IdType(created.headers().firstValue("Location").orElseThrow()).getIdPart();
    AtomicInteger editor = new AtomicInteger();

    // Each editor renames the practice differently, so that no update is a no-op.
    List<HttpResponse<String>> responses = Concurrently.run(EDITORS, () -> {
      Organization renamed = SharedResources.organisation(value);
      renamed.setId(id);
      renamed.setName("Huisartsenpraktijk De Linde " + editor.incrementAndGet());
      return http().put("/fhir/Organization/" + id, FHIR_JSON, FHIR.newJsonParser().encodeResourceToString(renamed));
    });

    assertAllSucceeded(responses);
    assertThat(client().read().resource(Organization.class).withId(id).execute().getMeta().getVersionId())
        .isEqualTo(String.valueOf(1 + EDITORS));
  }

  @Test
  default void staleIfMatch_isStill412() {
    String value = TestData.uniqueValue();
    HttpResponse<String> created =
        http().post("/fhir/Organization", FHIR_JSON, SharedResources.organisationJson(value));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = new IdType(created.headers().firstValue("Location").orElseThrow()).getIdPart();
    Organization renamed = SharedResources.organisation(value);
    renamed.setId(id);
    renamed.setName("Huisartsenpraktijk De Linde (Lindedal)");
    String body = FHIR.newJsonParser().encodeResourceToString(renamed);

    HttpResponse<String> fresh = http().put("/fhir/Organization/" + id, FHIR_JSON, body, "If-Match", "W/\"1\"");
    HttpResponse<String> stale = http().put("/fhir/Organization/" + id, FHIR_JSON, body, "If-Match", "W/\"1\"");

    assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    FhirHttp.assertOutcome(stale, 412);
    assertThat(client().read().resource(Organization.class).withId(id).execute().getMeta().getVersionId())
        .isEqualTo("2");
  }

  /** Every client sends the same transaction at once, built for a practitioner and an organisation. */
  private void assertConcurrentTransactionsStoreOnce(BinaryOperator<String> transactionFor) {
    String practitioner = TestData.uniqueValue();
    String organisation = TestData.uniqueValue();
    String transaction = transactionFor.apply(practitioner, organisation);

    assertAllSucceeded(Concurrently.run(CLIENTS, () -> http().post("/fhir", FHIR_JSON, transaction)));

    assertThat(StoredResources.withTestIdentifier(this, "Practitioner", practitioner)).isEqualTo(1);
    assertThat(StoredResources.withTestIdentifier(this, "Organization", organisation)).isEqualTo(1);
  }

  private static void assertAllSucceeded(List<HttpResponse<String>> responses) {
    assertThat(responses).allSatisfy(response ->
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201));
  }
}
