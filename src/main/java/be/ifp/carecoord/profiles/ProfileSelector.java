package be.ifp.carecoord.profiles;

import static be.ifp.carecoord.domain.Canonicals.profile;

import be.ifp.carecoord.domain.Canonicals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Which IFP profiles a resource must conform to, whether or not the client declared them:
 * by resource type, and for the types that carry other things too (PractitionerRole,
 * EpisodeOfCare, Consent, Observation) by their codes.
 */
@Component
public class ProfileSelector {

  /** Every instance of these types is IFP data. */
  private static final Map<String, String> PROFILE_BY_TYPE = Map.of(
      "Patient", profile("ifp-patient"),
      "RelatedPerson", profile("ifp-related-person"),
      "Practitioner", profile("ifp-practitioner"),
      "PractitionerRole", profile("ifp-practitioner-role"),
      "Organization", profile("ifp-organization"),
      "CareTeam", profile("ifp-care-team"),
      "CarePlan", profile("ifp-care-plan"),
      "Goal", profile("ifp-goal"),
      "Condition", profile("ifp-need"));

  /**
   * The profiles, in the order a validator should report them: those the type and codes call
   * for, then the IFP profiles the client declared in {@code meta.profile}. Empty for data this
   * server does not profile.
   */
  public List<String> profilesFor(Resource resource) {
    List<String> profiles = new ArrayList<>();
    String byType = PROFILE_BY_TYPE.get(resource.fhirType());
    if (byType != null) {
      profiles.add(byType);
    }
    addByCode(resource, profiles);
    resource.getMeta().getProfile().stream()
        .map(p -> p.getValue())
        .filter(p -> p != null && p.startsWith(Canonicals.BASE + "/") && !profiles.contains(p))
        .forEach(profiles::add);
    return profiles;
  }

  private static void addByCode(Resource resource, List<String> profiles) {
    if (resource instanceof PractitionerRole role) {
      if (hasCode(role.getCode(), Canonicals.ROLE, "care-welfare-coordinator")) {
        profiles.add(profile("ifp-coordinator-role"));
      }
      if (hasCode(role.getCode(), Canonicals.ROLE, "case-manager")) {
        profiles.add(profile("ifp-case-manager-role"));
      }
    } else if (resource instanceof EpisodeOfCare episode
        && hasCode(episode.getType(), Canonicals.EPISODE_TYPE, "case-management")) {
      profiles.add(profile("ifp-case-management"));
    } else if (resource instanceof Consent consent
        && hasCode(consent.getCategory(), Canonicals.AGREEMENT_TYPE, null)) {
      profiles.add(profile("ifp-agreement"));
    } else if (resource instanceof Observation observation) {
      if (hasCode(List.of(observation.getCode()), Canonicals.BELRAI_INSTRUMENT, null)) {
        profiles.add(profile("belrai-assessment"));
      } else if (hasCode(List.of(observation.getCode()), Canonicals.BELRAI_SCALE, null)) {
        profiles.add(profile("belrai-scale"));
      }
    }
  }

  /** Whether any concept has a coding of {@code system} (and {@code code}, unless null). */
  private static boolean hasCode(List<CodeableConcept> concepts, String system, String code) {
    return concepts.stream().flatMap(c -> c.getCoding().stream())
        .anyMatch(c -> system.equals(c.getSystem()) && (code == null || code.equals(c.getCode())));
  }
}
