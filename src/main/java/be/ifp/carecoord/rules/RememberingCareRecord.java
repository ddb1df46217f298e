package be.ifp.carecoord.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * Answers each lookup once per engine run: several rules ask for the same person's teams and the
 * same roles, and the underlying record may be a database.
 */
final class RememberingCareRecord implements CareRecord {

  /** Focus → team → role → practitioner. */
  private static final int PREFETCH_HOPS = 3;

  private final CareRecord record;
  private final Map<String, Object> answers = new HashMap<>();

  RememberingCareRecord(CareRecord record) {
    this.record = record;
  }

  /**
   * Reads, a few queries in all, what the rules of a team or a plan will ask for one by one: the
   * resources the focus refers to, the members of a team among them, and the practitioners of
   * the roles found on the way.
   */
  void prefetchReferencesOf(Resource focus) {
    Set<String> next = ReferencesIn.resource(focus);
    for (int hop = 0; hop < PREFETCH_HOPS && !next.isEmpty(); hop++) {
      Map<String, Resource> found = prefetch(next);
      Set<String> following = new HashSet<>();
      for (Resource resource : found.values()) {
        if (resource instanceof PractitionerRole role) {
          addIfPresent(following, References.of(role.getPractitioner()));
        } else if (resource instanceof CareTeam team) {
          team.getParticipant().forEach(p -> addIfPresent(following, References.of(p.getMember())));
        }
      }
      next = following;
    }
  }

  private static void addIfPresent(Set<String> references, String reference) {
    if (reference != null) {
      references.add(reference);
    }
  }

  private Map<String, Resource> prefetch(Set<String> references) {
    references.removeIf(reference -> answers.containsKey("read " + reference) || reference.startsWith("urn:")
        || reference.startsWith("#") || !reference.contains("/"));
    if (references.isEmpty()) {
      return Map.of();
    }
    Map<String, Resource> found = record.readAll(references);
    for (String reference : references) {
      answers.put("read " + reference, Optional.ofNullable(found.get(reference)));
    }
    return found;
  }

  @Override
  public Optional<Resource> read(String reference) {
    return remember("read " + reference, reference, record::read);
  }

  @Override
  public List<CareTeam> careTeamsOf(String patient) {
    return remember("teams " + patient, patient, record::careTeamsOf);
  }

  @Override
  public List<EpisodeOfCare> episodesOf(String patient) {
    return remember("episodes " + patient, patient, record::episodesOf);
  }

  @Override
  public List<Consent> consentsOf(String patient) {
    return remember("consents " + patient, patient, record::consentsOf);
  }

  @Override
  public List<CarePlan> carePlansOf(String patient) {
    return remember("plans " + patient, patient, record::carePlansOf);
  }

  @SuppressWarnings("unchecked")
  private <T> T remember(String question, String argument, Function<String, T> lookup) {
    return (T) answers.computeIfAbsent(question, q -> lookup.apply(argument));
  }
}
