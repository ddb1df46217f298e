package be.ifp.carecoord.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The implementation guide's examples, read from {@code ig/examples/}: the tests' data. */
final class ConformanceExamples {

  static final Path EXAMPLES = Path.of("ig", "examples");
  static final Path INVALID = EXAMPLES.resolve("invalid");

  private ConformanceExamples() {}

  /** The valid examples in an order in which every reference resolves. */
  static List<Path> validInLoadOrder() {
    return lines(EXAMPLES.resolve("load-order.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("Bundle-"))
        .map(l -> EXAMPLES.resolve(l.strip()))
        .toList();
  }

  /**
   * Invalid examples that break a profile constraint and no IFP rule (rule examples carry the
   * rule id in their name and belong to the rule engine), with the expected element path from
   * {@code ig/examples/invalid/README.md}.
   */
  static Map<Path, String> profileViolations() {
    Map<Path, String> expected = new LinkedHashMap<>();
    for (String line : lines(INVALID.resolve("README.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length < 4 || !cells[1].strip().startsWith("`")) {
        continue;
      }
      String file = unquote(cells[1]);
      if (file.endsWith(".json") && !file.contains("-ifp-") && Files.exists(INVALID.resolve(file))) {
        expected.put(INVALID.resolve(file), unquote(cells[3]));
      }
    }
    return expected;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    int first = s.indexOf('`');
    int last = s.lastIndexOf('`');
    return first >= 0 && last > first ? s.substring(first + 1, last) : s;
  }
}
