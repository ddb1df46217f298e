package be.ifp.carecoord.sync;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.bench.BenchmarkReport;
import be.ifp.carecoord.bench.ServerInstances;
import be.ifp.carecoord.support.EmbeddedPostgresDatabase;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.PersonFiles;
import ca.uhn.fhir.parser.IParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a syncing platform gets (issue 6), on PostgreSQL: whole person files sent as transactions,
 * interleaved, to two server instances on one database, one as the server runs by default (IFP
 * profiles and rules on every write) and one with validation and rules off; then an incremental
 * pull of {@value #CHANGES} changes through {@code _history?_since}. Run with {@code mvn -Pbench
 * verify -Dit.test=SyncBenchmark}.
 */
class SyncBenchmark {

  private static final int FILES = Integer.getInteger("bench.files", 200);
  private static final int WARM_UP = 20;
  private static final int CHANGES = 1_000;
  private static final int PAGE = 100;
  private static final int PULLS = 5;
  private static final IParser JSON = FhirServerAccess.FHIR.newJsonParser();

  private final ServerInstances instances = new ServerInstances();

  @AfterEach
  void stopInstances() {
    instances.close();
  }

  @Test
  void personFilesAndIncrementalPull() {
    String database = EmbeddedPostgresDatabase.newDatabase();
    FhirHttp checked = instances.start(database);
    FhirHttp unchecked = instances.start(database,
        "--ifp.profiles.validate-on-write=false", "--ifp.rules.enabled=false");
    FhirHttp[] servers = {checked, unchecked};
    // Each instance syncs a platform of its own: its first file creates the shared professionals.
    PersonFiles[] platforms = {new PersonFiles(), new PersonFiles()};
    int entries = platforms[0].personFile(0).getEntry().size();

    double[][] times = new double[2][FILES];
    for (int i = -WARM_UP; i < FILES; i++) {
      for (int s = 0; s < 2; s++) {
        String file = JSON.encodeResourceToString(platforms[s].personFile(i + WARM_UP));
        long start = System.nanoTime();
        HttpResponse<String> response = servers[s].post("/fhir", FHIR_JSON, file);
        long end = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (i >= 0) {
          times[s][i] = (end - start) / 1e6;
        }
      }
    }

    String since = serverTime(checked);
    changePlans(unchecked, platforms[1]);
    double[] pulls = new double[PULLS];
    for (int p = 0; p < PULLS; p++) {
      long start = System.nanoTime();
      int pulled = pullHistory(checked, since);
      pulls[p] = (System.nanoTime() - start) / 1e6;
      assertThat(pulled).isEqualTo(CHANGES);
    }
    Arrays.sort(pulls);

    double on = throughput(times[0]);
    double off = throughput(times[1]);
    StringBuilder body = new StringBuilder()
        .append("Two server instances (one Spring context each, in the test JVM) on one embedded ")
        .append("PostgreSQL 17 database: one as the server runs by default (IFP profile validation and ")
        .append("IFP rules on every write), one with `ifp.profiles.validate-on-write=false` and ")
        .append("`ifp.rules.enabled=false`. Each plays a platform loading new persons: a person file is ")
        .append("the IG's `Bundle-person-file-maria.json` made into person n (").append(entries)
        .append(" entries: the platform's own records upserted by identifier, the person and the shared ")
        .append("professionals and organisations created unless they exist), sent as one transaction by ")
        .append("one client; ").append(WARM_UP).append(" warm-up then ").append(FILES)
        .append(" measured files per instance, alternating between the instances so that machine noise ")
        .append("hits both alike.\n\n")
        .append("| instance | person files/s | resources/s | p50 per file (ms) | p90 (ms) |\n|---|---|---|---|---|\n")
        .append(row("validation and rules on", times[0], entries))
        .append(row("validation and rules off", times[1], entries))
        .append(String.format("%nRatio on/off: %.0f %% of the validation-off throughput.%n", 100 * on / off))
        .append("\nIncremental pull: ").append(CHANGES).append(" changes (").append(CHANGES / FILES)
        .append(" updates of each of the ").append(FILES).append(" CarePlans), pulled with `GET ")
        .append("/fhir/CarePlan/_history?_since=…&_count=").append(PAGE)
        .append("`, following `next` links to the end, ").append(PULLS).append(" times: ")
        .append(String.format("median %.0f ms (%.0f–%.0f), %.0f changes/s.%n", pulls[PULLS / 2], pulls[0],
            pulls[PULLS - 1], CHANGES / (pulls[PULLS / 2] / 1000)))
        .append("\nTarget (issue 6): at least 60 % of the validation-off throughput. For scale: the ")
        .append("stock HAPI JPA starter 8.8.0 ingests about 25 person-file transactions/s with validation ")
        .append("off and 12/s with base R4 validation on, on this kind of machine with PostgreSQL (figures ")
        .append("given in the project brief, not measured here).\n");
    BenchmarkReport.write("sync", "Syncing platforms (issue 6)",
        "mvn -Pbench verify -Dit.test=SyncBenchmark", body.toString());
  }

  /** The server's own clock, as a client should take it: the time of a search response. */
  private static String serverTime(FhirHttp server) {
    HttpResponse<String> response = server.get("/fhir/CarePlan?_count=0");
    return JSON.parseResource(Bundle.class, response.body()).getMeta().getLastUpdatedElement().getValueAsString();
  }

  private static void changePlans(FhirHttp server, PersonFiles platform) {
    for (int change = 0; change < CHANGES; change++) {
      int person = change % FILES + WARM_UP;
      // The platform's identifier of person n's (only) plan is n.
      String search = "identifier=" + platform.system("CarePlan") + "%7C" + person;
      CarePlan plan = (CarePlan) JSON.parseResource(Bundle.class, server.get("/fhir/CarePlan?" + search).body())
          .getEntryFirstRep().getResource();
      plan.setTitle("Plan of person " + person + ", change " + change);
      HttpResponse<String> response = server.put("/fhir/CarePlan/" + plan.getIdPart(), FHIR_JSON,
          JSON.encodeResourceToString(plan));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }

  /** Pulls every change since {@code since}, page by page; returns how many entries came. */
  private static int pullHistory(FhirHttp server, String since) {
    int pulled = 0;
    String next = "/fhir/CarePlan/_history?_count=" + PAGE + "&_since="
        + URLEncoder.encode(since, StandardCharsets.UTF_8);
    while (next != null) {
      Bundle page = JSON.parseResource(Bundle.class, server.get(next).body());
      pulled += page.getEntry().size();
      next = page.getLink("next") == null ? null : page.getLink("next").getUrl().replaceFirst("^https?://[^/]+", "");
    }
    return pulled;
  }

  private static double throughput(double[] millis) {
    return millis.length / (Arrays.stream(millis).sum() / 1000);
  }

  private static String row(String instance, double[] millis, int entries) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double perSecond = throughput(millis);
    return String.format("| %s | %.1f | %.0f | %.0f | %.0f |%n", instance, perSecond, perSecond * entries,
        sorted[sorted.length / 2], sorted[sorted.length * 9 / 10]);
  }
}
