package be.ifp.carecoord.rules.identity;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the three identifier rules share: they look at any resource, at its own top-level
 * {@code identifier} elements with one of their systems, and skip values that carry the
 * pseudonymisation extension of the national profiles (be-identifiers.md §1).
 */
abstract class IdentifierRule extends Rule {

  static final String NAMING_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/";
  static final String SSIN = NAMING_SYSTEM + "ssin";
  static final String CBE = NAMING_SYSTEM + "cbe";
  static final String NIHDI = NAMING_SYSTEM + "nihdi";
  static final String NIHDI_PROFESSIONAL = NAMING_SYSTEM + "nihdi-professional";
  static final String NIHDI_ORGANIZATION = NAMING_SYSTEM + "nihdi-organization";
  static final String PSEUDONYMISATION =
      "https://www.ehealth.fgov.be/standards/fhir/infsec/StructureDefinition/be-ext-pseudonymization";

  private static final String SOURCE =
      "national profiles (format); public algorithm, `shared/reference/be-identifiers.md`";

  private final Set<String> systems;

  IdentifierRule(String id, String name, String check, Severities severities, Set<String> systems,
      List<Message> messages) {
    super(id, name, check, severities, SOURCE, messages);
    this.systems = Set.copyOf(systems);
  }

  @Override
  public final Set<String> focusTypes() {
    return Set.of(ANY_TYPE);
  }

  @Override
  public final void check(Resource focus, RuleContext context) {
    Property identifiers = focus.getNamedProperty("identifier");
    if (identifiers == null) {
      return;
    }
    boolean repeats = identifiers.getMaxCardinality() > 1;
    List<Base> values = identifiers.getValues();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) instanceof Identifier identifier
          && identifier.hasSystem() && systems.contains(identifier.getSystem())
          && identifier.hasValue() && !isPseudonymised(identifier)) {
        String expression = focus.fhirType() + ".identifier" + (repeats ? "[" + i + "]" : "");
        checkValue(focus, identifier.getSystem(), identifier.getValue(), expression, context);
      }
    }
  }

  /** Checks one identifier value of one of this rule's systems, reporting at {@code expression}. */
  abstract void checkValue(
      Resource focus, String system, String value, String expression, RuleContext context);

  private static boolean isPseudonymised(Identifier identifier) {
    return identifier.getValueElement().hasExtension(PSEUDONYMISATION);
  }
}
