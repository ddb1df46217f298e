package be.ifp.carecoord.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;

/**
 * A record as it would be after some writes that have not happened: {@code $validate}, and a
 * write refused by its profile before it reached the database, see their resources in place of
 * the stored versions.
 */
public final class PendingChangesCareRecord implements CareRecord {

  private final CareRecord stored;
  private final InMemoryCareRecord pending;
  /** Stored resources hidden: replaced by a pending one, or deleted. */
  private final Set<String> hidden;

  private PendingChangesCareRecord(CareRecord stored, InMemoryCareRecord pending, Set<String> hidden) {
    this.stored = stored;
    this.pending = pending;
    this.hidden = hidden;
  }

  /** The stored record with these resources written over it. */
  public static PendingChangesCareRecord over(CareRecord stored, Collection<? extends Resource> resources) {
    return new PendingChangesCareRecord(stored, new InMemoryCareRecord(resources),
        resources.stream().map(References::of).collect(Collectors.toSet()));
  }

  /** The stored record without a resource that is being deleted. */
  public static PendingChangesCareRecord without(CareRecord stored, String deleted) {
    return new PendingChangesCareRecord(stored, new InMemoryCareRecord(List.of()), Set.of(deleted));
  }

  @Override
  public Optional<Resource> read(String reference) {
    if (hidden.contains(reference)) {
      return pending.read(reference);
    }
    Optional<Resource> resource = pending.read(reference);
    return resource.isPresent() ? resource : stored.read(reference);
  }

  /** The pending ones from memory, the others from the stored record in one go. */
  @Override
  public Map<String, Resource> readAll(Collection<String> references) {
    Map<String, Resource> found = new HashMap<>();
    List<String> fromStore = new ArrayList<>();
    for (String reference : references) {
      Optional<Resource> resource = pending.read(reference);
      if (resource.isPresent()) {
        found.put(reference, resource.get());
      } else if (!hidden.contains(reference)) {
        fromStore.add(reference);
      }
    }
    if (!fromStore.isEmpty()) {
      found.putAll(stored.readAll(fromStore));
    }
    return found;
  }

  @Override
  public List<CareTeam> careTeamsOf(String patient) {
    return merge(patient, stored::careTeamsOf, pending::careTeamsOf);
  }

  @Override
  public List<EpisodeOfCare> episodesOf(String patient) {
    return merge(patient, stored::episodesOf, pending::episodesOf);
  }

  @Override
  public List<Consent> consentsOf(String patient) {
    return merge(patient, stored::consentsOf, pending::consentsOf);
  }

  @Override
  public List<CarePlan> carePlansOf(String patient) {
    return merge(patient, stored::carePlansOf, pending::carePlansOf);
  }

  private <T extends Resource> List<T> merge(
      String patient, Function<String, List<T>> fromStore, Function<String, List<T>> fromPending) {
    List<T> merged = new ArrayList<>();
    fromStore.apply(patient).stream()
        .filter(resource -> !hidden.contains(References.of(resource)))
        .forEach(merged::add);
    merged.addAll(fromPending.apply(patient));
    return merged;
  }
}
