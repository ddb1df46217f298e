package be.ifp.carecoord.server;

import java.sql.Clob;
import java.sql.SQLException;

/**
 * The JSON text of a stored resource version ({@code HFJ_RES_VER.RES_TEXT_VC}) as a native query
 * returns it: a String on PostgreSQL, a Clob on H2.
 */
public final class StoredText {

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
}
