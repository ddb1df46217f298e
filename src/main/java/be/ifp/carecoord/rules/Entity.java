package be.ifp.carecoord.rules;

/**
 * The four federated entities that apply the IFP rules differently (domain.md §1), in the order of
 * the catalogue's columns.
 */
public enum Entity {
  VL,
  WAL,
  BXL,
  DG
}
