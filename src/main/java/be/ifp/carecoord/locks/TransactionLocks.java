package be.ifp.carecoord.locks;

/**
 * Serialises concurrent writes of the same thing (a person whose ⚑ rules are judged, a
 * conditional URL about to be created): the second of two writes waits until the first has
 * committed, and then sees it. A lock is held until the current database transaction ends.
 */
public interface TransactionLocks {

  /**
   * Locks {@code key} for the rest of the current transaction. A lock that cannot be had (a
   * deadlock, or a wait longer than {@code ifp.server.lock-timeout}) throws HAPI's
   * version-conflict exception: the write is retried inside the server or answered 409.
   *
   * @param key what is locked, readable in messages, e.g. {@code person Patient/123}
   */
  void lockForTransaction(String key);
}
