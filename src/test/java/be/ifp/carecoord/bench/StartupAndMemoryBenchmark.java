package be.ifp.carecoord.bench;

import be.ifp.carecoord.support.EmbeddedPostgresDatabase;
import be.ifp.carecoord.support.ServerProcess;
import be.ifp.carecoord.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-up time (process start to the first successful {@code GET /fhir/metadata}) and resident
 * memory after 1,000 creates, for H2 and PostgreSQL 17, with the packaged jar run as a separate
 * process with the production JVM flags. Prints the figures and writes them to
 * docs/benchmarks.md. Run with {@code mvn -Pbench verify}.
 *
 * <p>With {@code -Dbench.aot-java=<JDK 25 or later>} it also measures the server as the Docker
 * image runs it: the jar extracted into plain jars, on that JDK, with an AOT cache (JEP 483/514)
 * recorded by a training start.
 */
class StartupAndMemoryBenchmark {

  /** The flags the README and the Docker image use. */
  static final List<String> JVM_FLAGS = List.of("-Xmx768m", "-XX:+UseSerialGC");

  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  /** A JDK with AOT caches (25 or later), as the Docker image uses; unset: not measured. */
  private static final String AOT_JAVA = System.getProperty("bench.aot-java");
  private static final int CREATES = 1_000;

  /** Requests without tokens: start-up and memory do not depend on the security mode. */
  private static final String DEVELOPMENT = "--ifp.security.mode=development";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void startupAndMemory() throws Exception {
    List<Launch> launches = new ArrayList<>();
    launches.add(new Launch("JDK " + Runtime.version().feature() + ", packaged jar",
        Path.of(System.getProperty("java.home"), "bin", "java"), ServerProcess.packagedJar(), JVM_FLAGS));
    if (AOT_JAVA != null) {
      launches.add(AotCache.train(Path.of(AOT_JAVA, "bin", "java"), JVM_FLAGS, DEVELOPMENT));
    }
    StringBuilder rows = new StringBuilder();
    for (Launch launch : launches) {
      List<Result> h2 = new ArrayList<>();
      List<Result> postgres = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        List<String> h2Args = List.of("--ifp.server.data-dir=" + Files.createTempDirectory("bench-h2-"), DEVELOPMENT);
        h2.add(measureFirstStartAndRestart(launch, h2Args, Map.of()));
        Map<String, String> postgresEnv = Map.of(
            "SPRING_PROFILES_ACTIVE", "postgres",
            "SPRING_DATASOURCE_URL", EmbeddedPostgresDatabase.newDatabase(),
            "SPRING_DATASOURCE_USERNAME", "postgres",
            "SPRING_DATASOURCE_PASSWORD", "");
        postgres.add(measureFirstStartAndRestart(launch, List.of(DEVELOPMENT), postgresEnv));
      }
      rows.append(row("H2 (file), " + launch.name(), h2))
          .append(row("PostgreSQL 17 (embedded binaries), " + launch.name(), postgres));
    }
    BenchmarkReport.write("startup", "Start-up time and memory (issue 2)",
        "mvn -Pbench verify" + (AOT_JAVA == null ? "" : " -Dbench.aot-java=" + AOT_JAVA), table(rows.toString()));
  }

  /**
   * First start on an empty database (the schema is created), 1,000 creates, memory; then a
   * restart on the same data, which is what an operator sees on every later start.
   */
  private Result measureFirstStartAndRestart(Launch launch, List<String> args, Map<String, String> env)
      throws Exception {
    Run first = run(launch, args, env, CREATES);
    Run restart = run(launch, args, env, 0);
    return new Result(first.startupSeconds(), restart.startupSeconds(), first.residentMiB());
  }

  private Run run(Launch launch, List<String> args, Map<String, String> env, int creates) throws Exception {
    try (ServerProcess server = ServerProcess.start(launch.java(), launch.jar(), launch.flags(), args, env)) {
      double startupSeconds = server.awaitReady();
      for (int i = 0; i < creates; i++) {
        HttpRequest create = HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Patient"))
            .header("Content-Type", "application/fhir+json")
            .POST(BodyPublishers.ofString(TestData.patientJson(TestData.uniqueValue()))).build();
        int status = http.send(create, BodyHandlers.discarding()).statusCode();
        if (status != 201) {
          throw new IllegalStateException("create answered " + status);
        }
      }
      return new Run(startupSeconds, server.residentMiB());
    }
  }

  private static String table(String rows) {
    return "JVM flags: `" + String.join(" ", JVM_FLAGS) + "` (with an AOT cache: and `-XX:AOTCache=…`); "
        + "the server run as its own process; " + RUNS + " runs each, median (min–max). Start-up = process start to the first 200 on "
        + "`GET /fhir/metadata`: first start on an empty database (creates the schema), and "
        + "restart on the same data. Memory = resident set size (VmRSS) after " + CREATES
        + " sequential `POST /fhir/Patient` following the first start.\n\n"
        + "| database, runtime | first start (s) | restart (s) | resident memory after " + CREATES
        + " creates (MiB) |\n"
        + "|---|---|---|---|\n"
        + rows
        + "\nTargets (issue 2): start-up under 25 s on this 2-core machine; runs with `-Xmx768m`. "
        + "For scale: the stock HAPI JPA starter 8.8.0 takes about 46 s and grows to about 2 GB "
        + "resident on this kind of machine (figure given in the project brief, not measured here).\n";
  }

  private static String row(String name, List<Result> results) {
    return "| " + name + " | " + spread(results.stream().mapToDouble(Result::firstStartSeconds))
        + " | " + spread(results.stream().mapToDouble(Result::restartSeconds))
        + " | " + spread(results.stream().mapToDouble(Result::residentMiB)) + " |\n";
  }

  private static String spread(java.util.stream.DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    return String.format("%.1f (%.1f–%.1f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }

  private record Run(double startupSeconds, long residentMiB) {}

  /** How the server is started: which java, which jar, which flags. */
  record Launch(String name, Path java, Path jar, List<String> flags) {}

  private record Result(double firstStartSeconds, double restartSeconds, long residentMiB) {}
}
