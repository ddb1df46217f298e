package be.ifp.carecoord.belrai;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.profiles.IfpPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The BelRAI instruments and scales of the IFP package (CodeSystems {@code belrai-instrument} and
 * {@code belrai-scale}), with each scale's valid range from its {@code min} and {@code max}
 * properties: the package is the one source of truth, the profile's invariant checks the same
 * ranges.
 */
@Component
class BelraiCodes {

  static final String MIN_PROPERTY = "min";
  static final String MAX_PROPERTY = "max";

  /** An instrument or scale; {@code min} and {@code max} are null for an instrument. */
  record Concept(String code, String display, Integer min, Integer max) {

    boolean inRange(int score) {
      return score >= min && score <= max;
    }
  }

  private final Map<String, Concept> instruments;
  private final Map<String, Concept> scales;

  @Autowired
  BelraiCodes(IfpPackage ifpPackage) {
    this(ifpPackage.conformanceResources());
  }

  /** From conformance resources that include the two code systems (tests read them from {@code profiles/}). */
  BelraiCodes(List<Resource> conformanceResources) {
    this.instruments = concepts(conformanceResources, Canonicals.BELRAI_INSTRUMENT);
    this.scales = concepts(conformanceResources, Canonicals.BELRAI_SCALE);
    scales.values().stream().filter(scale -> scale.min() == null || scale.max() == null).findFirst()
        .ifPresent(scale -> {
          throw new IllegalStateException("Scale " + scale.code() + " of " + Canonicals.BELRAI_SCALE
              + " has no " + MIN_PROPERTY + " or " + MAX_PROPERTY + " property");
        });
  }

  Optional<Concept> instrument(String code) {
    return Optional.ofNullable(instruments.get(code));
  }

  Optional<Concept> scale(String code) {
    return Optional.ofNullable(scales.get(code));
  }

  private static Map<String, Concept> concepts(List<Resource> resources, String url) {
    CodeSystem codeSystem = resources.stream()
        .filter(CodeSystem.class::isInstance)
        .map(CodeSystem.class::cast)
        .filter(cs -> url.equals(cs.getUrl()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The IFP package has no CodeSystem " + url));
    Map<String, Concept> concepts = new LinkedHashMap<>();
    for (ConceptDefinitionComponent concept : codeSystem.getConcept()) {
      concepts.put(concept.getCode(), new Concept(concept.getCode(), concept.getDisplay(),
          integerProperty(concept, MIN_PROPERTY), integerProperty(concept, MAX_PROPERTY)));
    }
    return Map.copyOf(concepts);
  }

  private static Integer integerProperty(ConceptDefinitionComponent concept, String code) {
    return concept.getProperty().stream()
        .filter(property -> code.equals(property.getCode()) && property.getValue() instanceof IntegerType)
        .map(property -> ((IntegerType) property.getValue()).getValue())
        .findFirst()
        .orElse(null);
  }
}
