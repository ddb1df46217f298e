package be.ifp.carecoord.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/** The implementation guide's examples, read from {@code ig/examples/}: the tests' data. */
public final class ConformanceExamples {

  public static final Path EXAMPLES = Path.of("ig", "examples");
  public static final Path INVALID = EXAMPLES.resolve("invalid");
  public static final Path WARNING = EXAMPLES.resolve("warning");

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

  /** Stores every valid example (PUT: repeatable, and restores any that a test changed). */
  public static void loadValid(FhirServerAccess server) {
    for (Path file : validInLoadOrder()) {
      Resource resource = (Resource) FhirServerAccess.FHIR.newJsonParser().parseResource(read(file));
      HttpResponse<String> response = server.http().put(
          "/fhir/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart(), FhirHttp.FHIR_JSON,
          read(file));
      assertThat(response.statusCode()).as("%s: %s", file, response.body()).isIn(200, 201);
    }
  }

  /**
   * The examples of a README table (invalid or warning) that break an IFP rule, with the expected
   * element path; the rule id is in the file name ({@code Bundle-ifp-tm-04-…}).
   */
  public static Map<Path, List<String>> ruleExamples(Path folder) {
    Map<Path, List<String>> expected = new LinkedHashMap<>();
    for (String line : lines(folder.resolve("README.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length < 4 || !cells[1].strip().startsWith("`")) {
        continue;
      }
      String file = unquote(cells[1]);
      if (file.endsWith(".json") && file.contains("-ifp-") && Files.exists(folder.resolve(file))) {
        for (int column = 2; column < cells.length; column++) {
          List<String> paths = quotedPaths(cells[column]).stream()
              .filter(p -> p.matches("[A-Z][A-Za-z]+(\\..*)?") && !p.endsWith(".json")).toList();
          if (!paths.isEmpty()) {
            expected.put(folder.resolve(file), paths);
            break;
          }
        }
      }
    }
    return expected;
  }

  /** {@code Bundle-ifp-tm-04-two-coordinators-overlap.json} → {@code IFP-TM-04}. */
  public static String ruleIdOf(Path file) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("ifp-([a-z]{2})-(\\d\\d)")
        .matcher(file.getFileName().toString());
    if (!m.find()) {
      throw new IllegalArgumentException("No rule id in " + file);
    }
    return "IFP-" + m.group(1).toUpperCase(java.util.Locale.ROOT) + "-" + m.group(2);
  }

  /** The backquoted paths of a README cell (a cell may give alternatives: "`a` or `b`"). */
  public static List<String> quotedPaths(String cell) {
    return java.util.regex.Pattern.compile("`([^`]+)`").matcher(cell).results().map(m -> m.group(1)).toList();
  }

  public static String read(Path file) {
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
