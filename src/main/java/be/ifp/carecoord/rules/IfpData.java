package be.ifp.carecoord.rules;

import be.ifp.carecoord.domain.Canonicals;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Type;

/**
 * Reading the IFP model out of FHIR resources (domain.md §2): extensions, roles, codes and what
 * "active" means for each type. Shared by the rules so that each says it the same way.
 */
public final class IfpData {

  public static final String ENTITY = Canonicals.profile("ifp-entity");
  public static final String COORDINATION_TYPE = Canonicals.profile("coordination-type");
  public static final String NEXT_REVIEW = Canonicals.profile("next-review");
  public static final String CM_START_REASON = Canonicals.profile("cm-start-reason");
  public static final String CM_END_REASON = Canonicals.profile("cm-end-reason");
  public static final String INTERIM_COORDINATION = Canonicals.profile("interim-coordination");
  public static final String START_BASIS = Canonicals.profile("start-basis");

  public static final String ROLE_PERSON = "person";
  public static final String ROLE_INFORMAL_CARER = "informal-carer";
  public static final String ROLE_REPRESENTATIVE = "representative";
  public static final String ROLE_COORDINATOR = "care-welfare-coordinator";
  public static final String ROLE_CASE_MANAGER = "case-manager";

  private static final Set<EpisodeOfCare.EpisodeOfCareStatus> ACTIVE_EPISODE = Set.of(
      EpisodeOfCare.EpisodeOfCareStatus.ACTIVE, EpisodeOfCare.EpisodeOfCareStatus.WAITLIST,
      EpisodeOfCare.EpisodeOfCareStatus.ONHOLD);

  private IfpData() {}

  /** The first value of the element's extensions with this URL, if any. */
  public static Optional<Type> extension(Element element, String url) {
    return values(element.getExtension(), url).stream().findFirst();
  }

  /** The first value of the resource's extensions with this URL, if any. */
  public static Optional<Type> extension(DomainResource resource, String url) {
    return values(resource.getExtension(), url).stream().findFirst();
  }

  /** Every value of the resource's extensions with this URL. */
  public static List<Type> extensions(DomainResource resource, String url) {
    return values(resource.getExtension(), url);
  }

  private static List<Type> values(List<Extension> extensions, String url) {
    return extensions.stream()
        .filter(e -> url.equals(e.getUrl()) && e.getValue() != null)
        .map(Extension::getValue)
        .toList();
  }

  /** The entity named by the {@code ifp-entity} extension, if any and known. */
  public static Optional<Entity> entityOf(DomainResource resource) {
    return extension(resource, ENTITY)
        .filter(Coding.class::isInstance)
        .map(value -> ((Coding) value).getCode())
        .flatMap(code -> {
          for (Entity entity : Entity.values()) {
            if (entity.name().equals(code)) {
              return Optional.of(entity);
            }
          }
          return Optional.empty();
        });
  }

  public static boolean hasCode(List<CodeableConcept> concepts, String system, String code) {
    return concepts.stream().anyMatch(concept -> hasCode(concept, system, code));
  }

  public static boolean hasCode(CodeableConcept concept, String system, String code) {
    return concept.getCoding().stream()
        .anyMatch(c -> system.equals(c.getSystem()) && (code == null || code.equals(c.getCode())));
  }

  /** Whether the participant holds this {@code ifp-role}. */
  public static boolean hasRole(CareTeamParticipantComponent participant, String role) {
    return hasCode(participant.getRole(), Canonicals.ROLE, role);
  }

  public static boolean isCoordinator(CareTeamParticipantComponent participant) {
    return hasRole(participant, ROLE_COORDINATOR);
  }

  /** The participant's {@code coordination-type} code, if given. */
  public static Optional<String> coordinationType(CareTeamParticipantComponent participant) {
    return extension(participant, COORDINATION_TYPE)
        .filter(Coding.class::isInstance)
        .map(value -> ((Coding) value).getCode());
  }

  public static boolean isReimbursable(CareTeamParticipantComponent participant) {
    return coordinationType(participant).filter("reimbursable"::equals).isPresent();
  }

  public static boolean isActive(CareTeam team) {
    return team.getStatus() == CareTeam.CareTeamStatus.ACTIVE;
  }

  /** Active, waiting or on hold: the statuses in which an episode still holds its case manager. */
  public static boolean isActive(EpisodeOfCare episode) {
    return ACTIVE_EPISODE.contains(episode.getStatus());
  }

  public static boolean isActive(CarePlan plan) {
    return plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE;
  }

  /** Whether the episode is a case-management episode ({@code ifp-episode-type}). */
  public static boolean isCaseManagement(EpisodeOfCare episode) {
    return hasCode(episode.getType(), Canonicals.EPISODE_TYPE, "case-management");
  }
}
