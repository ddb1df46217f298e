package be.ifp.carecoord.rules;

import java.util.Locale;

/** What a finding does to a write: refuse it, report it, or nothing (rules.md, "Severities"). */
public enum Severity {
  ERROR("E"),
  WARNING("W"),
  OFF("–");

  private final String column;

  Severity(String column) {
    this.column = column;
  }

  /** The letter used in the catalogue's entity columns. */
  public String column() {
    return column;
  }

  /** The configuration spelling: {@code error}, {@code warning}, {@code off}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The milder of the two. */
  public Severity atMost(Severity cap) {
    return ordinal() >= cap.ordinal() ? this : cap;
  }
}
