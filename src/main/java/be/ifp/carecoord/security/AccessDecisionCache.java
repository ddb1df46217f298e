package be.ifp.carecoord.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the access checks decided about a user and a person, kept across requests so that a
 * professional reading a person's file does not make the server read her teams, episodes and
 * consents again for every request.
 *
 * <p>A decision is dropped as soon as anything it was made from may have changed: a write of one
 * of the person's teams, episodes or consents, of a professional's roles (which drops all), or
 * the start or end of one of the periods it was read from. Writes drop decisions in the writing
 * instance before and after their commit, and in the other instances when PostgreSQL notifies
 * them ({@link AccessChangeListener}); while an instance cannot listen, it decides afresh on
 * every request. A decision being worked out while its person's data changes is not kept: each
 * person has a generation, read before the data and checked when the decision is stored.
 */
@Component
class AccessDecisionCache {

  private final boolean enabled;
  private final int maxEntries;
  private final Map<String, PersonDecisions> byPerson = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger size = new AtomicInteger();
  /** Whether writes elsewhere reach this instance; false while its listener is down. */
  private volatile boolean informed = true;
  private final Counter hits;
  private final Counter misses;

  AccessDecisionCache(SecurityProperties properties, MeterRegistry meters) {
    this.enabled = properties.accessCache().enabled();
    this.maxEntries = properties.accessCache().maxEntries();
    this.hits = meters.counter("ifp.access.cache", "result", "hit");
    this.misses = meters.counter("ifp.access.cache", "result", "miss");
  }

  /** Where a decision about this person stands before the data it is made from is read. */
  record Stamp(long generation, long personGeneration) {}

  /** A decision still valid at {@code now}, if one is kept. */
  Optional<Boolean> known(String user, String person, long now) {
    if (!enabled || !informed) {
      return Optional.empty();
    }
    PersonDecisions decisions = byPerson.get(person);
    AccessDecision decision = decisions == null ? null : decisions.get(user);
    if (decision == null || decision.validUntil() <= now) {
      misses.increment();
      return Optional.empty();
    }
    hits.increment();
    return Optional.of(decision.reaches());
  }

  Stamp stamp(String person) {
    long global = generation.get();
    PersonDecisions decisions = byPerson.computeIfAbsent(person, p -> new PersonDecisions());
    return new Stamp(global, decisions.generation());
  }

  /** Keeps the decision unless the person's data, or everyone's, changed since the stamp. */
  void keep(String user, String person, Stamp stamp, AccessDecision decision) {
    if (!enabled || !informed) {
      return;
    }
    if (size.get() >= maxEntries) {
      forgetAll();
      return;
    }
    PersonDecisions decisions = byPerson.computeIfAbsent(person, p -> new PersonDecisions());
    if (decisions.put(user, decision, stamp, generation)) {
      size.incrementAndGet();
    }
  }

  /** The person's teams, episodes or consents changed. */
  void forget(String person) {
    PersonDecisions decisions = byPerson.get(person);
    if (decisions != null) {
      size.addAndGet(-decisions.clear());
    }
  }

  /** Something every decision may depend on changed (a professional's roles), or nothing is known. */
  void forgetAll() {
    generation.incrementAndGet();
    byPerson.values().forEach(decisions -> size.addAndGet(-decisions.clear()));
  }

  /** Whether changes made by other instances reach this one; when not, nothing is kept. */
  void informed(boolean informed) {
    forgetAll();
    this.informed = informed;
    forgetAll();
  }

  /** The decisions about one person, and the generation of her data. */
  private static final class PersonDecisions {
    private final Map<String, AccessDecision> byUser = new HashMap<>();
    private long generation;

    synchronized long generation() {
      return generation;
    }

    synchronized AccessDecision get(String user) {
      return byUser.get(user);
    }

    /** Whether an entry was added. */
    synchronized boolean put(String user, AccessDecision decision, Stamp stamp, AtomicLong global) {
      if (stamp.personGeneration() != generation || stamp.generation() != global.get()) {
        return false;
      }
      return byUser.put(user, decision) == null;
    }

    /** Returns how many entries were dropped. */
    synchronized int clear() {
      generation++;
      int dropped = byUser.size();
      byUser.clear();
      return dropped;
    }
  }
}
