package be.ifp.carecoord.rules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;

/**
 * A record held in memory: a bundle's entries or a folder's files. For offline validation and for
 * the rules' own unit tests. Resources are found by {@code Type/id} and, for bundle entries, by
 * their {@code fullUrl}.
 */
public final class InMemoryCareRecord implements CareRecord {

  private final Map<String, Resource> byReference = new LinkedHashMap<>();

  public InMemoryCareRecord(Collection<? extends Resource> resources) {
    resources.forEach(this::put);
  }

  /** The entries of a bundle, findable by {@code fullUrl} too. */
  public static InMemoryCareRecord of(Bundle bundle) {
    InMemoryCareRecord record = new InMemoryCareRecord(List.of());
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.hasResource()) {
        record.put(entry.getResource());
        if (entry.hasFullUrl()) {
          record.byReference.put(entry.getFullUrl(), entry.getResource());
        }
      }
    }
    return record;
  }

  /** Adds or replaces a resource. */
  public void put(Resource resource) {
    byReference.put(References.of(resource), resource);
  }

  public void remove(String reference) {
    byReference.remove(reference);
  }

  @Override
  public Optional<Resource> read(String reference) {
    return Optional.ofNullable(byReference.get(reference));
  }

  @Override
  public List<CareTeam> careTeamsOf(String patient) {
    return of(CareTeam.class, patient);
  }

  @Override
  public List<EpisodeOfCare> episodesOf(String patient) {
    return of(EpisodeOfCare.class, patient);
  }

  @Override
  public List<Consent> consentsOf(String patient) {
    return of(Consent.class, patient);
  }

  @Override
  public List<CarePlan> carePlansOf(String patient) {
    return of(CarePlan.class, patient);
  }

  private <T extends Resource> List<T> of(Class<T> type, String patient) {
    return byReference.values().stream()
        .distinct()
        .filter(type::isInstance)
        .filter(resource -> patient.equals(References.personOf(resource)))
        .map(type::cast)
        .toList();
  }
}
