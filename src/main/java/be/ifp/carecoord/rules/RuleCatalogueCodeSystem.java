package be.ifp.carecoord.rules;

import be.ifp.carecoord.domain.Canonicals;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * The catalogue as CodeSystem {@code ifp-rule}: one concept per rule, its check as the
 * definition, its source and its default severity per entity as properties. Built from the rule
 * classes when the package is built, so that the served catalogue is the enforced one.
 */
public final class RuleCatalogueCodeSystem {

  public static final String SOURCE = "source";
  public static final String FOCUS = "focus";

  private RuleCatalogueCodeSystem() {}

  /** The property code of an entity's default severity, e.g. {@code severity-WAL}. */
  public static String severityProperty(Entity entity) {
    return "severity-" + entity.name();
  }

  public static CodeSystem of(List<Rule> rules, String version, String date) {
    CodeSystem codeSystem = new CodeSystem();
    codeSystem.setId("ifp-rule");
    codeSystem.setUrl(RuleCatalogue.SYSTEM);
    codeSystem.setVersion(version);
    codeSystem.setName("IfpRuleCS");
    codeSystem.setTitle("IFP rule catalogue");
    codeSystem.setStatus(PublicationStatus.ACTIVE);
    codeSystem.setExperimental(false);
    codeSystem.setDateElement(new org.hl7.fhir.r4.model.DateTimeType(date));
    codeSystem.setPublisher("ifp-carecoord");
    codeSystem.setDescription("The rules of the Interfederal Plan for Integrated Care that the"
        + " ifp-carecoord server enforces beyond its profiles: they look at other resources (the"
        + " person's other teams, episodes, consents) and at the federated entity. The code is the"
        + " rule id that OperationOutcome.issue.details.coding carries. Generated from the server's"
        + " rule classes; the severities are the defaults, which an operator may override"
        + " (" + Canonicals.BASE + "/rules.html).");
    codeSystem.setCaseSensitive(true);
    codeSystem.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    codeSystem.setCount(rules.size());
    codeSystem.addProperty().setCode(SOURCE).setType(PropertyType.STRING)
        .setDescription("Where the rule comes from in the policy texts (seed file and lines)");
    codeSystem.addProperty().setCode(FOCUS).setType(PropertyType.STRING)
        .setDescription("The resource types the rule checks");
    for (Entity entity : Entity.values()) {
      codeSystem.addProperty().setCode(severityProperty(entity)).setType(PropertyType.CODE)
          .setDescription("Default severity in " + entity + ": error, warning or off");
    }
    for (Rule rule : rules) {
      ConceptDefinitionComponent concept = codeSystem.addConcept()
          .setCode(rule.id())
          .setDisplay(rule.name())
          .setDefinition(rule.check());
      concept.addProperty().setCode(SOURCE).setValue(new org.hl7.fhir.r4.model.StringType(rule.source()));
      concept.addProperty().setCode(FOCUS).setValue(
          new org.hl7.fhir.r4.model.StringType(String.join(" ", rule.focusTypes().stream().sorted().toList())));
      for (Entity entity : Entity.values()) {
        concept.addProperty().setCode(severityProperty(entity))
            .setValue(new CodeType(rule.defaultSeverities().of(entity).key()));
      }
    }
    return codeSystem;
  }
}
