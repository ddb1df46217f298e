package be.ifp.carecoord.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The professions that may hold the coordinator and case-manager roles: the package's value sets
 * {@code ifp-health-professions} and {@code ifp-welfare-professions} (domain.md §3), read once.
 * Codings are compared by system and code.
 */
public final class EligibleProfessions {

  private final Set<String> health;
  private final Set<String> welfare;

  private EligibleProfessions(Set<String> health, Set<String> welfare) {
    this.health = Set.copyOf(health);
    this.welfare = Set.copyOf(welfare);
  }

  /**
   * From the two value sets, and the code systems that a value set includes whole (such as
   * {@code ifp-welfare-profession}).
   */
  public static EligibleProfessions of(
      ValueSet healthProfessions, ValueSet welfareProfessions, List<CodeSystem> codeSystems) {
    return new EligibleProfessions(
        codes(healthProfessions, codeSystems), codes(welfareProfessions, codeSystems));
  }

  public boolean isHealthProfession(Coding coding) {
    return health.contains(key(coding));
  }

  public boolean isWelfareProfession(Coding coding) {
    return welfare.contains(key(coding));
  }

  public boolean isEligible(Coding coding) {
    return isHealthProfession(coding) || isWelfareProfession(coding);
  }

  private static Set<String> codes(ValueSet valueSet, List<CodeSystem> codeSystems) {
    Set<String> codes = new HashSet<>();
    for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
      if (include.hasConcept()) {
        include.getConcept().forEach(c -> codes.add(include.getSystem() + "|" + c.getCode()));
      } else if (include.hasSystem()) {
        codeSystems.stream()
            .filter(cs -> include.getSystem().equals(cs.getUrl()))
            .forEach(cs -> addAll(include.getSystem(), cs.getConcept(), codes));
      }
    }
    return codes;
  }

  private static void addAll(
      String system, List<CodeSystem.ConceptDefinitionComponent> concepts, Set<String> codes) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      codes.add(system + "|" + concept.getCode());
      addAll(system, concept.getConcept(), codes);
    }
  }

  private static String key(Coding coding) {
    return coding.getSystem() + "|" + coding.getCode();
  }
}
