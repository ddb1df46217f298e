package be.ifp.carecoord.security.attacks;

import java.util.Set;

/**
 * the access policy's table (docs/security.md), as the tests read it: the types a professional with user/ scopes is answered
 * for, and how. Everything else is refused.
 */
final class PolicyTable {

  static final Set<String> PERSON_DATA = Set.of("Patient", "RelatedPerson", "CareTeam", "CarePlan", "Goal",
      "Condition", "EpisodeOfCare", "Observation", "QuestionnaireResponse", "Consent");

  static final Set<String> DIRECTORY = Set.of("Practitioner", "PractitionerRole", "Organization");

  /**
   * The conformance set: the table names StructureDefinition, SearchParameter, CodeSystem,
   * ValueSet, NamingSystem, ImplementationGuide, ConceptMap, OperationDefinition, Questionnaire
   * "..."; read here as R4's conformance and terminology modules plus Questionnaire.
   */
  static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "SearchParameter", "CodeSystem", "ValueSet",
      "NamingSystem", "ImplementationGuide", "ConceptMap", "OperationDefinition", "Questionnaire",
      "CapabilityStatement", "CompartmentDefinition", "StructureMap", "GraphDefinition", "MessageDefinition",
      "TerminologyCapabilities");

  /** Listed, but nothing for a user: the access log (only the person's own) and subscriptions. */
  static final Set<String> NOTHING_FOR_A_PROFESSIONAL = Set.of("AuditEvent", "Subscription");

  private PolicyTable() {}

  static boolean lists(String type) {
    return PERSON_DATA.contains(type) || DIRECTORY.contains(type) || CONFORMANCE.contains(type)
        || NOTHING_FOR_A_PROFESSIONAL.contains(type);
  }

  /** What a search of the type by a professional with user/*.cruds answers. */
  static int professionalsSearchStatus(String type) {
    return NOTHING_FOR_A_PROFESSIONAL.contains(type) ? 403 : 200;
  }
}
