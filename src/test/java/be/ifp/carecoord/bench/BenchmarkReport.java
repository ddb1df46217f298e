package be.ifp.carecoord.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * Writes one benchmark's section into {@code docs/benchmarks.md}, between markers named after
 * the benchmark, so that each benchmark refreshes its own figures and leaves the others alone.
 * Every section states the machine, the date and the command.
 */
public final class BenchmarkReport {

  static final Path FILE = Path.of("docs", "benchmarks.md");

  private BenchmarkReport() {}

  static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException e) {
      // Not Linux: the CPU stays unnamed.
    }
    long memoryGib = 0;
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      memoryGib = lines.filter(l -> l.startsWith("MemTotal")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
    } catch (IOException e) {
      // Not Linux.
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGib
        + " GiB RAM, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
  }

  /** Replaces (or appends) the section {@code name} with {@code body}. */
  public static void write(String name, String title, String command, String body) {
    String begin = "<!-- benchmark:" + name + ":begin -->";
    String end = "<!-- benchmark:" + name + ":end -->";
    String section = begin + "\n## " + title + "\n\n"
        + "Measured " + LocalDate.now() + " on " + machine() + ".\n"
        + "Command: `" + command + "`\n\n" + body.strip() + "\n" + end;
    try {
      String doc = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmarks\n";
      int from = doc.indexOf(begin);
      int to = doc.indexOf(end);
      doc = from >= 0 && to > from
          ? doc.substring(0, from) + section + doc.substring(to + end.length())
          : doc.stripTrailing() + "\n\n" + section + "\n";
      Files.writeString(FILE, doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(section);
  }
}
