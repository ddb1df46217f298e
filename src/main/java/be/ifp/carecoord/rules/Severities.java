package be.ifp.carecoord.rules;

import java.util.EnumMap;
import java.util.Map;

/**
 * A rule's default severity per federated entity, written as in the catalogue: four letters in
 * the order VL, WAL, BXL, DG ({@code "E W E E"}, {@code "–"} or {@code "-"} for off).
 */
public final class Severities {

  private final Map<Entity, Severity> byEntity = new EnumMap<>(Entity.class);

  private Severities(String columns) {
    String[] letters = columns.trim().split("\\s+");
    if (letters.length != Entity.values().length) {
      throw new IllegalArgumentException("Expected one severity per entity (VL WAL BXL DG): " + columns);
    }
    for (Entity entity : Entity.values()) {
      byEntity.put(entity, parse(letters[entity.ordinal()], columns));
    }
  }

  public static Severities of(String columns) {
    return new Severities(columns);
  }

  public Severity of(Entity entity) {
    return byEntity.get(entity);
  }

  /** The four letters again, as the catalogue writes them. */
  @Override
  public String toString() {
    StringBuilder columns = new StringBuilder();
    for (Entity entity : Entity.values()) {
      columns.append(columns.isEmpty() ? "" : " ").append(byEntity.get(entity).column());
    }
    return columns.toString();
  }

  private static Severity parse(String letter, String columns) {
    return switch (letter) {
      case "E" -> Severity.ERROR;
      case "W" -> Severity.WARNING;
      case "–", "-" -> Severity.OFF;
      default -> throw new IllegalArgumentException("Unknown severity '" + letter + "' in " + columns);
    };
  }
}
