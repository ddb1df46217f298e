package be.ifp.carecoord.rules.plan;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reading IFP care and support plans, shared by the IFP-CP rules.
 *
 * <p>Only CarePlans of category {@code ifp-careplan-category#care-support-plan} are IFP plans.
 * Other CarePlans (a hospital's discharge plan, a nursing care plan kept by one provider) are not
 * IFP plans: no IFP-CP rule looks at them, and none counts them as the person's plan.
 */
final class CarePlans {

  static final String PLAN_CATEGORY = Canonicals.codeSystem("ifp-careplan-category");
  static final String CARE_SUPPORT_PLAN = "care-support-plan";
  static final String GOAL_CATEGORY = Canonicals.codeSystem("ifp-goal-category");
  static final String LIFE_GOAL = "life-goal";

  private CarePlans() {}

  /** Whether the plan is an IFP care and support plan (see the class comment). */
  static boolean isIfpPlan(CarePlan plan) {
    return IfpData.hasCode(plan.getCategory(), PLAN_CATEGORY, CARE_SUPPORT_PLAN);
  }

  /** The plan's person ({@code Patient/id}), or null when the plan names none. */
  static String person(CarePlan plan) {
    return plan.hasSubject() ? References.of(plan.getSubject()) : null;
  }

  /** Active as domain.md §2 says: status active and the plan's period (none: open) contains now. */
  static boolean isActive(CarePlan plan, Instant now) {
    return IfpData.isActive(plan) && Periods.contains(plan.hasPeriod() ? plan.getPeriod() : null, now);
  }

  /** The resource a reference points to, if it can be read and is of this type. */
  static <T extends Resource> Optional<T> read(CareRecord record, Reference reference, Class<T> type) {
    String value = References.of(reference);
    if (value == null) {
      return Optional.empty();
    }
    return record.read(value).filter(type::isInstance).map(type::cast);
  }

  /**
   * The person ({@code Patient/id}) the referenced team, goal… is about, or null when it cannot be
   * read, is not of this type, or names no person.
   */
  static String personOf(CareRecord record, Reference reference, Class<? extends Resource> type) {
    return read(record, reference, type).map(References::personOf).orElse(null);
  }

  /**
   * Reports {@code messageKey} at {@code CarePlan.<element>[i]} for each reference of the plan's
   * {@code element} that points to a resource about another person than the plan's; with the
   * arguments: the reference, that resource's person, the plan's person.
   */
  static void reportOtherPersons(
      RuleContext context, String element, List<Reference> references,
      Class<? extends Resource> type, String person, String messageKey) {
    for (int i = 0; i < references.size(); i++) {
      String other = personOf(context.record(), references.get(i), type);
      if (other != null && !other.equals(person)) {
        context.report(messageKey, "CarePlan." + element + "[" + i + "]",
            References.of(references.get(i)), other, person);
      }
    }
  }

  /** The plan's teams that can be read. */
  static List<CareTeam> teams(CarePlan plan, CareRecord record) {
    return plan.getCareTeam().stream()
        .map(reference -> read(record, reference, CareTeam.class))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Whether the reference is the person themselves or one of their RelatedPersons (informal carer,
   * representative). A RelatedPerson that cannot be read, or names no patient, counts as theirs:
   * a rule does not report what it cannot see (reference integrity is checked elsewhere).
   */
  static boolean isPersonOrTheirs(Reference reference, String person, CareRecord record) {
    String value = References.of(reference);
    if (value == null || person == null) {
      return false;
    }
    if (value.equals(person)) {
      return true;
    }
    Optional<Resource> resource = record.read(value);
    if (resource.isEmpty()) {
      return References.isTo(reference, "RelatedPerson");
    }
    return resource.get() instanceof RelatedPerson relatedPerson
        && (!relatedPerson.hasPatient() || person.equals(References.of(relatedPerson.getPatient())));
  }
}
