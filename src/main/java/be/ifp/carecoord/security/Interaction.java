package be.ifp.carecoord.security;

/** The SMART v2 scope letters, one per kind of interaction, in their scope order ({@code cruds}). */
public enum Interaction {
  CREATE('c'),
  READ('r'),
  UPDATE('u'),
  DELETE('d'),
  SEARCH('s');

  private final char letter;

  Interaction(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }
}
