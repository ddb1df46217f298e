package be.ifp.carecoord.server;

import java.sql.Clob;
import java.sql.SQLException;

/**
 * The JSON text of a stored resource version ({@code HFJ_RES_VER.RES_TEXT_VC}) as a native query
 * returns it: a String on PostgreSQL, a Clob on H2.
 */
public final class StoredText {

  /** How HAPI's compact JSON starts a narrative ({@code Narrative} is the only type with a status and a div). */
  private static final String NARRATIVE = "\"text\":{\"status\":";
  private static final int NARRATIVE_VALUE = "\"text\":".length();

  private StoredText() {}

  public static String of(Object column) {
    if (column instanceof Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (SQLException e) {
        throw new IllegalStateException("Could not read a stored resource", e);
      }
    }
    return String.valueOf(column);
  }

  /**
   * The stored text without its narratives ({@code text} elements), for the server's own checks:
   * the rules and the access checks read a resource's structure, never its narrative, and parsing
   * the narrative's XHTML was most of the time they spent parsing. Text in another shape than
   * HAPI's compact JSON is returned whole.
   */
  public static String structureOf(Object column) {
    String json = of(column);
    int at = json.indexOf(NARRATIVE);
    if (at < 0) {
      return json;
    }
    StringBuilder kept = new StringBuilder(json.length());
    int copied = 0;
    while (at >= 0) {
      int end = endOfObject(json, at + NARRATIVE_VALUE);
      if (end < 0) {
        return json;
      }
      int from = at;
      int to = end;
      if (to < json.length() && json.charAt(to) == ',') {
        to++;
      } else if (from > 0 && json.charAt(from - 1) == ',') {
        from--;
      }
      kept.append(json, copied, from);
      copied = to;
      at = json.indexOf(NARRATIVE, to);
    }
    return kept.append(json, copied, json.length()).toString();
  }

  /** The index just after the JSON object that opens at {@code open}, or -1. */
  private static int endOfObject(String json, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }
}
