package be.ifp.carecoord.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes what arrives on a queue in bursts: a batch starts with the first element and gathers what
 * follows until it is full, nothing has come for the quiet period, or its first element has
 * waited the longest delay. Writing a burst of reads in one transaction stores each event for
 * less than a transaction per read, and the delays bound how long an event waits.
 */
final class Bursts<T> {

  private final BlockingQueue<T> queue;
  private final int maxSize;
  private final long quietNanos;
  private final long maxDelayNanos;

  Bursts(BlockingQueue<T> queue, int maxSize, Duration quietPeriod, Duration maxDelay) {
    this.queue = queue;
    this.maxSize = maxSize;
    this.quietNanos = quietPeriod.toNanos();
    this.maxDelayNanos = maxDelay.toNanos();
  }

  /**
   * Waits up to {@code idle} for a first element, then fills {@code batch} with the burst it
   * starts. Leaves {@code batch} empty when nothing came.
   */
  void next(List<T> batch, Duration idle) throws InterruptedException {
    T next = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
    long deadline = System.nanoTime() + maxDelayNanos;
    while (next != null) {
      batch.add(next);
      queue.drainTo(batch, maxSize - batch.size());
      if (batch.size() >= maxSize) {
        return;
      }
      long wait = Math.min(quietNanos, deadline - System.nanoTime());
      next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
    }
  }
}
