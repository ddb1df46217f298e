package be.ifp.carecoord.rules.server;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.bench.BenchmarkReport;
import be.ifp.carecoord.bench.ServerInstances;
import be.ifp.carecoord.profiles.ConformanceExamples;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleCatalogue;
import be.ifp.carecoord.rules.RuleEngine;
import be.ifp.carecoord.rules.RuleSettings;
import be.ifp.carecoord.support.EmbeddedPostgresDatabase;
import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.TestData;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CareTeam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the IFP rules cost (issue 4), on PostgreSQL: the same CareTeam and CarePlan updates sent,
 * interleaved, to two server instances on one database, one with the rules and one without,
 * with {@code bench.persons} persons loaded; and the time of the one-coordinator check (IFP-TM-04)
 * as the database grows from {@value #FEW_PERSONS} to {@code bench.scale-persons} persons. Run
 * with {@code mvn -Pbench verify -Dit.test=RulesBenchmark}.
 */
class RulesBenchmark {

  private static final int FEW_PERSONS = 1_000;
  private static final int PERSONS = Integer.getInteger("bench.persons", 10_000);
  private static final int SCALE_PERSONS = Integer.getInteger("bench.scale-persons", 100_000);
  private static final int PERSONS_PER_TRANSACTION = 100;
  private static final int WARM_UP = 100;
  private static final int MEASURED = 400;
  /** Before the first timed check: enough for the JIT to be done with the check's code. */
  private static final int FIRST_CHECK_WARM_UP = 2_000;

  private final ServerInstances instances = new ServerInstances();
  private final Random random = new Random(42);
  private int edits;
  private double[][] team;
  private double[][] plan;

  @AfterEach
  void stopInstances() {
    instances.close();
  }

  @Test
  void costOfTheRules() throws Exception {
    String database = EmbeddedPostgresDatabase.newDatabase();
    // The rules instance first: the one-coordinator check runs in its context.
    FhirHttp withRules = start(database, true, true);
    FhirHttp withoutRules = start(database, false, true);
    // The loader is not measured: it skips what only slows loading down.
    FhirHttp loader = instances.start(database, "--ifp.rules.enabled=false", "--ifp.profiles.validate-on-write=false",
        "--ifp.audit.enabled=false", "--ifp.subscriptions.enabled=false");
    ConformanceExamples.loadValid(access(withoutRules));
    PersonFiles files = new PersonFiles();

    List<double[]> checks = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    int loaded = 0;
    double loadSeconds = 0;
    for (int size : List.of(FEW_PERSONS, PERSONS, SCALE_PERSONS)) {
      if (size <= loaded) {
        continue;
      }
      loadSeconds += load(loader, files, loaded, size);
      loaded = size;
      checks.add(oneCoordinatorCheck(size, checks.isEmpty() ? FIRST_CHECK_WARM_UP : WARM_UP));
      sizes.add(size);
      if (size == PERSONS) {
        team = interleaved(withRules, withoutRules, i -> files.team(i, ++edits), "CareTeam", "bt-");
        plan = interleaved(withRules, withoutRules, i -> files.plan(i, ++edits), "CarePlan", "bc-");
      }
    }

    StringBuilder body = new StringBuilder();
    body.append("Server instances (one Spring context each, in the test JVM) on one embedded PostgreSQL 17 ")
        .append("database, configured as a server runs by default (IFP profile validation on every write): ")
        .append("one with the IFP rules, one with `ifp.rules.enabled=false`; a third, with neither profiles, ")
        .append("rules, audit nor subscriptions, only loads the data. ").append(PERSONS)
        .append(" persons loaded, each with a Patient, a coordinator agreement, a team with a reimbursable ")
        .append("coordinator, a life goal and a care plan. Measured: `PUT` of an existing person's team or ")
        .append("plan with one changed field, over HTTP, ").append(WARM_UP).append(" warm-up then ")
        .append(MEASURED).append(" measured per instance, alternating between the two instances so that ")
        .append("machine noise hits both alike.\n\n")
        .append("| write | rules on p50 (ms) | rules off p50 (ms) | ratio p50 | rules on mean | rules off mean | ratio mean |\n")
        .append("|---|---|---|---|---|---|---|\n")
        .append(row("CareTeam update", team)).append(row("CarePlan update", plan))
        .append("\nThe one-coordinator check (IFP-TM-04 alone, in-process, over the server's database ")
        .append("record: the person's teams in one query through the reference index), for a random ")
        .append("person's team, ").append(MEASURED).append(" checks after ").append(WARM_UP).append(" warm-up (")
        .append(FIRST_CHECK_WARM_UP).append(" before the first size), as the database grows (")
        .append(String.format("%,d", loaded)).append(" persons loaded in ").append(String.format("%.0f", loadSeconds))
        .append(" s by an instance with neither profiles, rules nor audit):\n\n")
        .append("| persons loaded | p50 (ms) | p90 (ms) |\n|---|---|---|\n");
    for (int i = 0; i < sizes.size(); i++) {
      body.append(String.format("| %,d | %.2f | %.2f |%n", sizes.get(i), percentile(checks.get(i), 50),
          percentile(checks.get(i), 90)));
    }
    body.append(String.format("%nRatio p50 %,d vs %,d persons: %.2f.%n", sizes.get(sizes.size() - 1), sizes.get(0),
        percentile(checks.get(checks.size() - 1), 50) / percentile(checks.get(0), 50)));
    BenchmarkReport.write("rules", "Cost of the IFP rules (issue 4)", "mvn -Pbench verify -Dit.test=RulesBenchmark",
        body.toString());
  }

  private FhirHttp start(String database, boolean rules, boolean profiles) {
    return instances.start(database,
        "--ifp.rules.enabled=" + rules, "--ifp.profiles.validate-on-write=" + profiles);
  }

  /** Loads persons [from, to) in transactions; returns the seconds it took. */
  private static double load(FhirHttp server, PersonFiles files, int from, int to) {
    long started = System.nanoTime();
    for (int start = from; start < to; start += PERSONS_PER_TRANSACTION) {
      HttpResponse<String> response = server.post("/fhir", FHIR_JSON,
          files.transaction(start, Math.min(to, start + PERSONS_PER_TRANSACTION)));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("[rules benchmark] loaded persons %,d to %,d in %.0f s (%.0f persons/s)%n", from, to, seconds,
        (to - from) / seconds);
    return seconds;
  }

  /** IFP-TM-04 alone over the database record of the instance with rules. */
  private double[] oneCoordinatorCheck(int persons, int warmUp) {
    ConfigurableApplicationContext context = instances.context(0);
    Rule oneCoordinator = RuleCatalogue.all().stream()
        .filter(rule -> rule.id().equals("IFP-TM-04")).findFirst().orElseThrow();
    RuleEngine engine = new RuleEngine(List.of(oneCoordinator), RuleSettings.defaults(), null, Clock.systemUTC());
    RepositoryCareRecord record = context.getBean(RepositoryCareRecord.class);
    PersonFiles files = new PersonFiles();
    double[] times = new double[MEASURED];
    for (int i = -warmUp; i < MEASURED; i++) {
      CareTeam team = (CareTeam) FhirServerAccess.FHIR.newJsonParser()
          .parseResource(files.team(random.nextInt(persons), 0));
      long start = System.nanoTime();
      List<Finding> findings = engine.checkWrite(team, record);
      long end = System.nanoTime();
      assertThat(findings).isEmpty();
      if (i >= 0) {
        times[i] = (end - start) / 1e6;
      }
    }
    Arrays.sort(times);
    return times;
  }

  private interface Edit {
    String json(int person);
  }

  /** [0] with rules, [1] without, in ms, sorted. */
  private double[][] interleaved(FhirHttp withRules, FhirHttp withoutRules, Edit edit, String type, String idPrefix) {
    double[][] times = new double[2][MEASURED];
    FhirHttp[] servers = {withRules, withoutRules};
    for (int i = -WARM_UP; i < MEASURED; i++) {
      for (int s = 0; s < 2; s++) {
        int person = random.nextInt(PERSONS);
        String json = edit.json(person);
        long start = System.nanoTime();
        HttpResponse<String> response = servers[s].put("/fhir/" + type + "/" + idPrefix + person, FHIR_JSON, json);
        long end = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (i >= 0) {
          times[s][i] = (end - start) / 1e6;
        }
      }
    }
    Arrays.sort(times[0]);
    Arrays.sort(times[1]);
    return times;
  }

  private static String row(String write, double[][] times) {
    double onMean = Arrays.stream(times[0]).average().orElse(0);
    double offMean = Arrays.stream(times[1]).average().orElse(0);
    return String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", write,
        percentile(times[0], 50), percentile(times[1], 50), percentile(times[0], 50) / percentile(times[1], 50),
        onMean, offMean, onMean / offMean);
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  private static FhirServerAccess access(FhirHttp http) {
    return new FhirServerAccess() {
      @Override
      public String fhirBase() {
        throw new UnsupportedOperationException();
      }

      @Override
      public String serverRoot() {
        throw new UnsupportedOperationException();
      }

      @Override
      public ca.uhn.fhir.rest.client.api.IGenericClient client() {
        throw new UnsupportedOperationException();
      }

      @Override
      public FhirHttp http() {
        return http;
      }
    };
  }

  /**
   * A person's file made from Maria's examples by renaming: Patient {@code bp-i}, agreement
   * {@code ba-i}, team {@code bt-i} (coordinator: the home nurse), life goal {@code bg-i}, plan
   * {@code bc-i}.
   */
  private static final class PersonFiles {

    private final String patient = example("Patient-maria");
    private final String agreement = example("Consent-coordinator-agreement-by-maria");
    private final String team = example("CareTeam-team-with-reimbursable-coordinator");
    private final String goal = example("Goal-life-goal-stay-at-home");
    private final String plan = example("CarePlan-care-support-plan-maria");

    String transaction(int from, int to) {
      StringBuilder entries = new StringBuilder();
      for (int i = from; i < to; i++) {
        for (String[] resource : List.of(
            new String[] {"Patient", "bp-" + i, patient(i)},
            new String[] {"Consent", "ba-" + i, rename(agreement, i).replace("coordinator-agreement-by-maria", "ba-" + i)},
            new String[] {"CareTeam", "bt-" + i, team(i, 0)},
            new String[] {"Goal", "bg-" + i, rename(goal, i).replace("life-goal-stay-at-home", "bg-" + i)},
            new String[] {"CarePlan", "bc-" + i, plan(i, 0)})) {
          entries.append(entries.isEmpty() ? "" : ",").append("{\"resource\":").append(resource[2])
              .append(",\"request\":{\"method\":\"PUT\",\"url\":\"").append(resource[0]).append('/')
              .append(resource[1]).append("\"}}");
        }
      }
      return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
    }

    private String patient(int i) {
      return rename(patient, i).replace("\"maria\"", "\"bp-" + i + "\"")
          .replaceAll("\"identifier\"\\s*:\\s*\\[[^]]*]", "\"identifier\":[{\"system\":\""
              + TestData.TEST_SYSTEM + "\",\"value\":\"bench-" + i + "\"}]");
    }

    String team(int i, int edit) {
      return rename(team, i).replace("team-with-reimbursable-coordinator", "bt-" + i)
          .replace("Interdisciplinair team rond Maria Van den Broeck", "Team " + i + " #" + edit)
          .replace("TEAM-2026-0412", "BENCH-" + i);
    }

    String plan(int i, int edit) {
      return rename(plan, i).replace("care-support-plan-maria", "bc-" + i)
          .replace("CareTeam/team-with-reimbursable-coordinator", "CareTeam/bt-" + i)
          .replaceAll("Goal/[a-z-]+", "Goal/bg-" + i)
          .replaceAll("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\":\"Plan " + i + " #" + edit + "\"")
          .replaceAll("\"identifier\"\\s*:\\s*\\[[^]]*]", "\"identifier\":[{\"system\":\""
              + TestData.TEST_SYSTEM + "\",\"value\":\"bench-plan-" + i + "\"}]");
    }

    private static String rename(String json, int i) {
      return json.replace("Patient/maria", "Patient/bp-" + i);
    }

    private static String example(String name) {
      return ConformanceExamples.read(ConformanceExamples.EXAMPLES.resolve(name + ".json"));
    }
  }
}
