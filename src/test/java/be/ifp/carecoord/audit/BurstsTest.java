package be.ifp.carecoord.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BurstsTest {

  private static final Duration IDLE = Duration.ofMillis(50);

  private final BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1000);
  private final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopArrivals() {
    arrivals.shutdownNow();
  }

  @Test
  void nothingQueued_leavesTheBatchEmpty() throws InterruptedException {
    List<Integer> batch = new ArrayList<>();
    new Bursts<>(queue, 10, Duration.ofMillis(5), Duration.ofSeconds(1)).next(batch, IDLE);
    assertThat(batch).isEmpty();
  }

  @Test
  void whatArrivesWithinTheQuietPeriod_joinsTheBatch_whatComesAfterIt_startsTheNext() throws InterruptedException {
    Bursts<Integer> bursts = new Bursts<>(queue, 100, Duration.ofMillis(500), Duration.ofSeconds(10));
    queue.add(1);
    arrivals.schedule(() -> queue.add(2), 100, TimeUnit.MILLISECONDS);
    arrivals.schedule(() -> queue.add(3), 200, TimeUnit.MILLISECONDS);
    arrivals.schedule(() -> queue.add(4), 2500, TimeUnit.MILLISECONDS);

    List<Integer> first = new ArrayList<>();
    bursts.next(first, IDLE);
    List<Integer> second = new ArrayList<>();
    bursts.next(second, Duration.ofSeconds(10));

    assertThat(first).containsExactly(1, 2, 3);
    assertThat(second).containsExactly(4);
  }

  @Test
  void aBatch_isWrittenOnceFull() throws InterruptedException {
    for (int i = 0; i < 25; i++) {
      queue.add(i);
    }
    Bursts<Integer> bursts = new Bursts<>(queue, 10, Duration.ofSeconds(5), Duration.ofSeconds(10));
    List<Integer> batch = new ArrayList<>();

    long start = System.nanoTime();
    bursts.next(batch, IDLE);

    assertThat(batch).hasSize(10).startsWith(0);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(queue).hasSize(15);
  }

  @Test
  void aSteadyStream_isCutAtTheLongestDelay() throws InterruptedException {
    Bursts<Integer> bursts = new Bursts<>(queue, 1000, Duration.ofSeconds(2), Duration.ofMillis(300));
    int[] next = {0};
    arrivals.scheduleAtFixedRate(() -> queue.add(next[0]++), 0, 20, TimeUnit.MILLISECONDS);
    List<Integer> batch = new ArrayList<>();

    long start = System.nanoTime();
    bursts.next(batch, Duration.ofSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // Without the delay the stream, never quiet for 2 s, would keep the batch open.
    assertThat(took).isLessThan(Duration.ofMillis(1500));
    assertThat(batch.size()).isGreaterThan(1);
  }
}
