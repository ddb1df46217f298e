package be.ifp.carecoord.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalogue as the Markdown page {@code docs/rules.md}, written from the rule classes, so
 * that the page says what the server enforces (a test fails when they drift apart).
 */
public final class RuleCatalogueMarkdown {

  private RuleCatalogueMarkdown() {}

  public static String of(List<Rule> rules) {
    StringBuilder page = new StringBuilder();
    page.append("<!-- Generated from the rule classes (be.ifp.carecoord.rules); do not edit.\n")
        .append("     Regenerate: mvn test -Dtest=RuleCatalogueDocsTest -Difp.docs.write=true -->\n")
        .append("# The IFP rules this server enforces\n\n")
        .append("Every rule below runs on every write (create, update, conditional create and update,\n")
        .append("PATCH, transaction and batch) and in `$validate`. A finding is an `OperationOutcome.issue`\n")
        .append("whose `details.coding` is (`").append(RuleCatalogue.SYSTEM).append("`, rule id), with the\n")
        .append("message in the client's language (`Accept-Language`: nl, fr, de, en) in `details.text`,\n")
        .append("the offending element in `expression` and the English text with the rule's source in\n")
        .append("`diagnostics`. The same catalogue is served as that CodeSystem\n")
        .append("(`GET /fhir/CodeSystem?url=").append(RuleCatalogue.SYSTEM).append("`).\n\n")
        .append("Severities per federated entity (VL · WAL · BXL · DG): **E** error (the write is refused\n")
        .append("with 422, nothing is stored, a transaction is rolled back whole), **W** warning (stored and\n")
        .append("reported), **–** off. They are defaults: `ifp.rules.severity` overrides them per rule and\n")
        .append("entity ([configuration](configuration.md)). The entity is the `ifp-entity` extension of the\n")
        .append("CareTeam or EpisodeOfCare concerned (a CarePlan: its team's), else\n")
        .append("`ifp.rules.default-entity`. ⚑ marks the rules that hold under concurrent writes, also across\n")
        .append("server instances sharing one PostgreSQL database. *Re-checked on* lists the other resource\n")
        .append("types whose change re-checks the rule for the person's active resources (revoking a Consent\n")
        .append("re-checks the person's teams).\n\n")
        .append("Sources: `000`, `001`, `003` are the policy texts (seed files) with line numbers.\n\n")
        .append("| id | name | checks | VL | WAL | BXL | DG | focus | re-checked on | source |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Rule rule : rules) {
      page.append("| ").append(rule.id()).append(rule.isCardinalityRule() ? " ⚑" : "")
          .append(" | ").append(rule.name())
          .append(" | ").append(cell(rule.check()));
      for (Entity entity : Entity.values()) {
        page.append(" | ").append(rule.defaultSeverities().of(entity).column());
      }
      page.append(" | ").append(types(rule.focusTypes()))
          .append(" | ").append(types(rule.recheckedOn()))
          .append(" | ").append(cell(rule.source()))
          .append(" |\n");
    }
    page.append("\n## Messages\n\nWhat a client reads in `details.text`, per rule and finding, in the four languages.\n");
    for (Rule rule : rules) {
      page.append("\n### ").append(rule.id()).append(" ").append(rule.name()).append("\n\n")
          .append("| finding | en | nl | fr | de |\n|---|---|---|---|---|\n");
      for (Message message : rule.messages()) {
        page.append("| `").append(message.key()).append("`");
        for (Language language : List.of(Language.EN, Language.NL, Language.FR, Language.DE)) {
          page.append(" | ").append(cell(message.template(language)));
        }
        page.append(" |\n");
      }
    }
    return page.toString();
  }

  private static String types(java.util.Set<String> types) {
    return types.isEmpty() ? "–" : types.stream().sorted()
        .map(t -> Rule.ANY_TYPE.equals(t) ? "any" : t).collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
