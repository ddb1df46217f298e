package be.ifp.carecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.AccessPolicy.DataKind;
import be.ifp.carecoord.security.AccessPolicy.Grant;
import be.ifp.carecoord.security.Caller.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The policy table in docs/security.md is the one the server applies: same types per kind of
 * data, and per kind of caller the same letters (a grant's first word in the page), or none.
 */
class AccessPolicyTableTest {

  private static final List<Kind> COLUMNS = List.of(Kind.PERSON, Kind.CARER, Kind.PROFESSIONAL, Kind.OTHER_USER,
      Kind.PLATFORM);

  @Test
  void theDocumentedTable_isTheTableTheServerApplies() throws IOException {
    List<String[]> rows = documentedRows();

    assertThat(rows).hasSize(AccessPolicy.TABLE.size());
    for (String[] row : rows) {
      DataKind data = dataKindNamed(row[0]);
      assertThat(Set.of(row[1].split(",\\s*"))).as(row[0])
          .isEqualTo(Set.copyOf(AccessPolicy.DATA.get(data)));
      for (int column = 0; column < COLUMNS.size(); column++) {
        Kind kind = COLUMNS.get(column);
        Grant grant = AccessPolicy.TABLE.get(data).getOrDefault(kind, Grant.NONE);
        assertThat(lettersOf(row[2 + column])).as(row[0] + " / " + kind).isEqualTo(letters(grant));
      }
    }
  }

  @Test
  void everyServedType_isInExactlyOneKindOfData() {
    List<String> all = AccessPolicy.DATA.values().stream().flatMap(List::stream).toList();

    assertThat(all).doesNotHaveDuplicates();
    assertThat(AccessPolicy.served("Task")).isFalse();
    assertThat(AccessPolicy.served("Binary")).isFalse();
    assertThat(AccessPolicy.served("Bundle")).isFalse();
  }

  private static List<String[]> documentedRows() throws IOException {
    String page = Files.readString(Path.of("docs", "security.md"));
    String table = page.substring(page.indexOf("<!-- policy-table:start"), page.indexOf("<!-- policy-table:end"));
    return table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| data"))
        .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip)
            .toArray(String[]::new))
        .toList();
  }

  private static DataKind dataKindNamed(String documented) {
    Map<String, DataKind> names = Map.of("person data", DataKind.PERSON_DATA, "care teams", DataKind.CARE_TEAM,
        "consents", DataKind.CONSENT,
        "access log", DataKind.ACCESS_LOG, "directory", DataKind.DIRECTORY, "conformance", DataKind.CONFORMANCE,
        "subscriptions", DataKind.SUBSCRIPTION);
    assertThat(names).containsKey(documented);
    return names.get(documented);
  }

  /** The letters a cell starts with ({@code `rs` their persons}), or none for a dash. */
  private static Set<Character> lettersOf(String cell) {
    if (cell.startsWith("—")) {
      return Set.of();
    }
    assertThat(cell).startsWith("`");
    return cell.substring(1, cell.indexOf('`', 1)).chars().mapToObj(c -> (char) c).collect(Collectors.toSet());
  }

  private static Set<Character> letters(Grant grant) {
    return EnumSet.copyOf(grant.interactions().isEmpty() ? EnumSet.noneOf(Interaction.class) : grant.interactions())
        .stream().map(Interaction::letter).collect(Collectors.toSet());
  }
}
