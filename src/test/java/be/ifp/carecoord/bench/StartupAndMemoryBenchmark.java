package be.ifp.carecoord.bench;

import be.ifp.carecoord.support.EmbeddedPostgresDatabase;
import be.ifp.carecoord.support.TestData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up time (process start to the first successful {@code GET /fhir/metadata}) and resident
 * memory after 1,000 creates, for H2 and PostgreSQL 17, with the packaged jar run as a separate
 * process with the production JVM flags. Prints the figures and writes them to
 * docs/benchmarks.md. Run with {@code mvn -Pbench verify}.
 */
class StartupAndMemoryBenchmark {

  /** The flags the README and the Docker image use. */
  static final List<String> JVM_FLAGS = List.of("-Xmx768m", "-XX:+UseSerialGC");

  private static final int RUNS = 3;
  private static final int CREATES = 1_000;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void startupAndMemory() throws Exception {
    Path jar = packagedJar();
    List<Result> h2 = new ArrayList<>();
    List<Result> postgres = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Path dataDir = Files.createTempDirectory("bench-h2-");
      h2.add(measure(jar, List.of("--ifp.server.data-dir=" + dataDir), Map.of()));
      String url = EmbeddedPostgresDatabase.newDatabase();
      postgres.add(measure(jar, List.of(), Map.of(
          "SPRING_PROFILES_ACTIVE", "postgres",
          "SPRING_DATASOURCE_URL", url,
          "SPRING_DATASOURCE_USERNAME", "postgres",
          "SPRING_DATASOURCE_PASSWORD", "")));
    }
    BenchmarkReport.write("startup", "Start-up time and memory (issue 2)", "mvn -Pbench verify",
        table(h2, postgres));
  }

  private Result measure(Path jar, List<String> args, Map<String, String> env) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(Files.createTempFile("bench-server-", ".log").toFile());
    builder.environment().putAll(env);

    long start = System.nanoTime();
    Process server = builder.start();
    try {
      String base = "http://localhost:" + port + "/fhir";
      waitForMetadata(base, server);
      double startupSeconds = (System.nanoTime() - start) / 1e9;
      for (int i = 0; i < CREATES; i++) {
        HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/Patient"))
            .header("Content-Type", "application/fhir+json")
            .POST(BodyPublishers.ofString(TestData.patientJson(TestData.uniqueValue()))).build();
        int status = http.send(create, BodyHandlers.discarding()).statusCode();
        if (status != 201) {
          throw new IllegalStateException("create answered " + status);
        }
      }
      return new Result(startupSeconds, residentMiB(server.pid()));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private void waitForMetadata(String base, Process server) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest metadata = HttpRequest.newBuilder(URI.create(base + "/metadata")).build();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("server exited with " + server.exitValue());
      }
      try {
        if (http.send(metadata, BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // Keep polling.
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no /metadata within " + START_TIMEOUT);
  }

  private static long residentMiB(long pid) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
          .orElseThrow();
    }
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("ifp-carecoord-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("run the package phase first"));
    }
  }

  private static String table(List<Result> h2, List<Result> postgres) {
    return "JVM flags: `" + String.join(" ", JVM_FLAGS) + "`; packaged jar run as its own process; "
        + RUNS + " runs each, median (min–max). Start-up = process start to the first 200 on "
        + "`GET /fhir/metadata`. Memory = resident set size (VmRSS) after " + CREATES
        + " sequential `POST /fhir/Patient`.\n\n"
        + "| database | start-up (s) | resident memory after " + CREATES + " creates (MiB) |\n"
        + "|---|---|---|\n"
        + row("H2 (file)", h2) + row("PostgreSQL 17 (embedded binaries)", postgres)
        + "\nTargets (issue 2): start-up under 25 s on this 2-core machine; runs with `-Xmx768m`. "
        + "For scale: the stock HAPI JPA starter 8.8.0 takes about 46 s and grows to about 2 GB "
        + "resident on this kind of machine (figure given in the project brief, not measured here).\n";
  }

  private static String row(String name, List<Result> results) {
    double[] startup = results.stream().mapToDouble(Result::startupSeconds).sorted().toArray();
    long[] memory = results.stream().mapToLong(Result::residentMiB).sorted().toArray();
    return String.format("| %s | %.1f (%.1f–%.1f) | %d (%d–%d) |%n", name,
        startup[startup.length / 2], startup[0], startup[startup.length - 1],
        memory[memory.length / 2], memory[0], memory[memory.length - 1]);
  }

  private record Result(double startupSeconds, long residentMiB) {}
}
