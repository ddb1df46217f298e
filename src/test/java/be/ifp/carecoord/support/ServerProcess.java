package be.ifp.carecoord.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/ifp-carecoord-*.jar}) started as its own process, as an
 * operator starts it: for smoke tests of the artifact and for benchmarks.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final int port;
  private final Path log;
  private final long startedNanos;

  private ServerProcess(Process process, int port, Path log, long startedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  /** Starts the packaged jar on this JVM with the JVM flags, server arguments and environment given. */
  public static ServerProcess start(List<String> jvmFlags, List<String> args, Map<String, String> env)
      throws IOException {
    return start(Path.of(System.getProperty("java.home"), "bin", "java"), packagedJar(), jvmFlags, args, env);
  }

  /** Starts a jar with another {@code java}, e.g. a newer runtime with an AOT cache. */
  public static ServerProcess start(Path java, Path jar, List<String> jvmFlags, List<String> args,
      Map<String, String> env) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(args);
    Path log = Files.createTempFile("ifp-carecoord-server-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    long started = System.nanoTime();
    return new ServerProcess(builder.start(), port, log, started);
  }

  public String fhirBase() {
    return "http://localhost:" + port + "/fhir";
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Waits for the first 200 on /metadata; returns seconds since the process was started. */
  public double awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest metadata = HttpRequest.newBuilder(URI.create(fhirBase() + "/metadata")).build();
    long deadline = startedNanos + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "server exited with " + process.exitValue() + "; log: " + log);
      }
      try {
        if (http.send(metadata, BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException notYetListening) {
        // Keep polling.
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no /metadata within " + START_TIMEOUT + "; log: " + log);
  }

  /** Resident set size of the server process, in MiB (Linux). */
  public long residentMiB() throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
      return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
          .orElseThrow();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  public static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("ifp-carecoord-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar in target/: run the package phase"));
    }
  }
}
