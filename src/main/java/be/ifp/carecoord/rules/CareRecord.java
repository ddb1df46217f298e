package be.ifp.carecoord.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;

/**
 * Everything the rules may read besides the resource they check: one resource by reference, and
 * a person's teams, episodes, consents and plans. Each method is one indexed lookup, never a
 * scan; the server answers them from its database, an offline validator from a bundle or a
 * folder of files.
 *
 * <p>Person references are as the data writes them ({@code Patient/123}).
 */
public interface CareRecord {

  /** The resource a relative reference ({@code Type/id}) points to, if it exists. */
  Optional<Resource> read(String reference);

  /**
   * The resources that exist among these references, by reference. A database answers this in
   * one query; the default reads them one by one.
   */
  default Map<String, Resource> readAll(Collection<String> references) {
    Map<String, Resource> found = new HashMap<>();
    for (String reference : references) {
      read(reference).ifPresent(resource -> found.put(reference, resource));
    }
    return found;
  }

  /** CareTeams whose subject is the person. */
  List<CareTeam> careTeamsOf(String patient);

  /** EpisodesOfCare of the person. */
  List<EpisodeOfCare> episodesOf(String patient);

  /** Consents of the person. */
  List<Consent> consentsOf(String patient);

  /** CarePlans whose subject is the person. */
  List<CarePlan> carePlansOf(String patient);
}
