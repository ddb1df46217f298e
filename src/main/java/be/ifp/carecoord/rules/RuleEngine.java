package be.ifp.carecoord.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs the catalogue over a change: the rules whose focus is the changed resource, and the rules
 * of the person's other resources that depend on it (a revoked Consent re-checks the person's
 * teams). Knows nothing of servers or databases: what it reads comes from a {@link CareRecord},
 * so the same engine runs in the server, in {@code $validate} and offline.
 */
public final class RuleEngine {

  private static final Set<String> PERSON_FOCUS_TYPES = Set.of("CareTeam", "EpisodeOfCare", "CarePlan");

  private final List<Rule> rules;
  /**
   * The types a rule names, as its focus or as a change that re-checks it: only their writes need
   * the resources around them. (The identifier rules look at any type, and only at the resource.)
   */
  private final Set<String> namedTypes;
  private final RuleSettings settings;
  private final EligibleProfessions professions;
  private final Clock clock;

  public RuleEngine(List<Rule> rules, RuleSettings settings, EligibleProfessions professions, Clock clock) {
    this.rules = rules.stream().filter(rule -> !settings.isOffEverywhere(rule)).toList();
    Set<String> types = new java.util.HashSet<>();
    this.rules.forEach(rule -> {
      types.addAll(rule.focusTypes());
      types.addAll(rule.recheckedOn());
    });
    types.remove(Rule.ANY_TYPE);
    this.namedTypes = Set.copyOf(types);
    this.settings = settings;
    this.professions = professions;
    this.clock = clock;
  }

  /** The rules that can report anything under these settings. */
  public List<Rule> rules() {
    return rules;
  }

  public RuleSettings settings() {
    return settings;
  }

  /** Findings on a resource being created or updated, and on what depends on it. */
  public List<Finding> checkWrite(Resource written, CareRecord record) {
    RememberingCareRecord remembering = new RememberingCareRecord(record);
    // Many writes (observations, the audit trail…) concern no rule that reads further.
    if (namedTypes.contains(written.fhirType())) {
      remembering.prefetchReferencesOf(written);
    }
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.appliesTo(written.fhirType())) {
        check(rule, written, remembering, findings);
      }
    }
    checkDependants(written, remembering, findings);
    return findings;
  }

  /** Findings on what depended on a resource that is being deleted. */
  public List<Finding> checkDelete(Resource deleted, CareRecord record) {
    List<Finding> findings = new ArrayList<>();
    checkDependants(deleted, new RememberingCareRecord(record), findings);
    return findings;
  }

  /**
   * Whether a write of this resource runs a rule that must hold under concurrent writes (⚑), so
   * that the caller must lock the person first.
   */
  public boolean needsPersonLock(Resource resource) {
    return rules.stream().anyMatch(rule -> rule.isCardinalityRule()
        && (rule.appliesTo(resource.fhirType()) || rule.recheckedOn().contains(resource.fhirType())));
  }

  private void checkDependants(Resource changed, CareRecord record, List<Finding> findings) {
    String person = References.personOf(changed);
    if (person == null) {
      return;
    }
    String changedReference = References.of(changed);
    for (Rule rule : rules) {
      if (rule.appliesTo(changed.fhirType()) || !rule.recheckedOn().contains(changed.fhirType())) {
        continue;
      }
      for (String type : rule.focusTypes()) {
        for (Resource dependant : activeOfPerson(type, person, record)) {
          if (!References.of(dependant).equals(changedReference)) {
            check(rule, dependant, record, findings);
          }
        }
      }
    }
  }

  private static List<? extends Resource> activeOfPerson(String type, String person, CareRecord record) {
    if (!PERSON_FOCUS_TYPES.contains(type)) {
      return List.of();
    }
    return switch (type) {
      case "CareTeam" -> record.careTeamsOf(person).stream().filter(IfpData::isActive).toList();
      case "EpisodeOfCare" -> record.episodesOf(person).stream().filter(IfpData::isActive).toList();
      default -> record.carePlansOf(person).stream().filter(IfpData::isActive).toList();
    };
  }

  private void check(Rule rule, Resource focus, CareRecord record, List<Finding> findings) {
    Entity entity = entityOf(focus, record);
    Severity severity = settings.severity(rule, entity);
    if (severity == Severity.OFF) {
      return;
    }
    rule.check(focus, new RuleContext(rule, focus, entity, severity, record, settings, professions,
        clock.instant(), findings));
  }

  /** The entity of the team or episode concerned (a plan's: its team's), else the default. */
  Entity entityOf(Resource focus, CareRecord record) {
    Optional<Entity> entity = Optional.empty();
    if (focus instanceof CareTeam || focus instanceof EpisodeOfCare) {
      entity = IfpData.entityOf((DomainResource) focus);
    } else if (focus instanceof CarePlan plan && plan.hasCareTeam()) {
      String team = References.of(plan.getCareTeamFirstRep());
      entity = team == null ? Optional.empty() : record.read(team)
          .filter(DomainResource.class::isInstance)
          .flatMap(t -> IfpData.entityOf((DomainResource) t));
    }
    return entity.orElse(settings.defaultEntity());
  }
}
