package be.ifp.carecoord.rules.server;

/**
 * Serialises, per person, the writes that the cardinality rules (⚑: one coordinator, one case
 * manager per person) judge: the second of two concurrent writes for one person waits until the
 * first has committed, and then sees it. Held until the current database transaction ends.
 */
interface PersonLocks {

  /** Locks the person ({@code Patient/id}) for the rest of the current transaction. */
  void lockForTransaction(String person);
}
