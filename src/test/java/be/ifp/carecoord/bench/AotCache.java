package be.ifp.carecoord.bench;

import be.ifp.carecoord.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as the Docker image runs it, prepared the same way: the packaged jar extracted into
 * plain jars (Spring Boot's {@code jarmode=tools extract}), then one training start on a JDK with
 * AOT caches (25 or later) that stops once the Spring context is up and records the classes it
 * loaded and linked ({@code -XX:AOTCacheOutput}). Later starts map that cache in.
 */
final class AotCache {

  private static final long TRAINING_MINUTES = 5;

  private AotCache() {}

  static StartupAndMemoryBenchmark.Launch train(Path java, List<String> flags, String... serverArgs)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("ifp-aot-");
    run(List.of(java.toString(), "-Djarmode=tools", "-jar", ServerProcess.packagedJar().toString(),
        "extract", "--destination", dir.resolve("app").toString()), dir);
    Path jar;
    try (var files = Files.list(dir.resolve("app"))) {
      jar = files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    Path cache = dir.resolve("app.aot");
    List<String> training = new ArrayList<>(List.of(java.toString()));
    training.addAll(flags);
    training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh",
        "-jar", jar.toString(), "--ifp.server.data-dir=" + dir.resolve("training")));
    training.addAll(List.of(serverArgs));
    run(training, dir);
    List<String> withCache = new ArrayList<>(flags);
    withCache.add("-XX:AOTCache=" + cache);
    return new StartupAndMemoryBenchmark.Launch("JDK " + version(java) + ", extracted jar, AOT cache",
        java, jar, withCache);
  }

  private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("training.log").toFile()).start();
    if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("failed: " + command + ", see " + dir.resolve("training.log"));
    }
  }

  private static String version(Path java) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
    return m.find() ? m.group(1) : "?";
  }
}
