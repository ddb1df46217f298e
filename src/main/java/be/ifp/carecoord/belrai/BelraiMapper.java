package be.ifp.carecoord.belrai;

import be.ifp.carecoord.belrai.BelraiCodes.Concept;
import be.ifp.carecoord.domain.Canonicals;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.stereotype.Component;

/**
 * Turns a checked import request into one transaction Bundle: a {@code belrai-scale} Observation
 * per scale and the {@code belrai-assessment} panel whose {@code hasMember} points to them, all
 * for the person and by the assessor found before. Every entry is a conditional update on its
 * identifier (the exporter's assessment id, plus the scale code for a scale), so that the same
 * assessment imported again matches what is stored and changes nothing.
 */
@Component
class BelraiMapper {

  /** Identifier system of an imported assessment panel; the value is the exporter's assessment id. */
  static final String ASSESSMENT_ID_SYSTEM = Canonicals.BASE + "/sid/belrai-assessment";

  /** Identifier system of an imported scale; the value is {@code <assessment id>/<scale code>}. */
  static final String SCALE_ID_SYSTEM = Canonicals.BASE + "/sid/belrai-scale";

  static final String SCALE_ID_SEPARATOR = "/";

  static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String CATEGORY_SURVEY = "survey";
  static final String CATEGORY_SURVEY_DISPLAY = "Survey";

  /** The code of a panel component that says a Clinical Assessment Protocol was triggered. */
  static final String TRIGGERED_CAP_TEXT = "Triggered BelRAI Clinical Assessment Protocol (CAP)";

  static final String ASSESSMENT_PROFILE = Canonicals.profile("belrai-assessment");
  static final String SCALE_PROFILE = Canonicals.profile("belrai-scale");

  private static final String URN_UUID = "urn:uuid:";

  private final BelraiCodes codes;

  BelraiMapper(BelraiCodes codes) {
    this.codes = codes;
  }

  /** The transaction; the input has passed {@link BelraiValidator}. */
  Bundle transaction(BelraiAssessmentInput input, Reference person, Reference assessor) {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    Concept instrument = codes.instrument(input.instrument()).orElseThrow();
    Observation panel = observation(input, person, assessor, ASSESSMENT_PROFILE,
        coding(Canonicals.BELRAI_INSTRUMENT, instrument));
    panel.addIdentifier().setSystem(ASSESSMENT_ID_SYSTEM).setValue(input.assessmentId());
    for (Map.Entry<String, Integer> score : input.scales().entrySet()) {
      Concept scale = codes.scale(score.getKey()).orElseThrow();
      Observation member = observation(input, person, assessor, SCALE_PROFILE,
          coding(Canonicals.BELRAI_SCALE, scale));
      member.addIdentifier().setSystem(SCALE_ID_SYSTEM).setValue(scaleId(input, scale));
      member.setValue(new IntegerType(score.getValue()));
      panel.addHasMember(new Reference(add(bundle, member)));
    }
    for (String cap : input.triggeredCaps()) {
      panel.addComponent()
          .setCode(new CodeableConcept().setText(TRIGGERED_CAP_TEXT))
          .setValue(new CodeableConcept().setText(cap));
    }
    add(bundle, panel);
    return bundle;
  }

  static String scaleId(BelraiAssessmentInput input, Concept scale) {
    return input.assessmentId() + SCALE_ID_SEPARATOR + scale.code();
  }

  private static Observation observation(BelraiAssessmentInput input, Reference person,
      Reference assessor, String profile, Coding code) {
    Observation observation = new Observation();
    observation.getMeta().addProfile(profile);
    observation.setStatus(ObservationStatus.FINAL);
    observation.addCategory().addCoding(new Coding(CATEGORY_SYSTEM, CATEGORY_SURVEY, CATEGORY_SURVEY_DISPLAY));
    observation.setCode(new CodeableConcept(code));
    observation.setSubject(person.copy());
    observation.setEffective(BelraiValidator.effective(input.assessmentDate()).orElseThrow());
    observation.addPerformer(assessor.copy());
    return observation;
  }

  private static Coding coding(String system, Concept concept) {
    return new Coding(system, concept.code(), concept.display());
  }

  /** Adds the Observation as a conditional update on its identifier; returns its fullUrl. */
  private static String add(Bundle bundle, Observation observation) {
    String fullUrl = URN_UUID + UUID.randomUUID();
    String identifier = observation.getIdentifierFirstRep().getSystem() + "|"
        + observation.getIdentifierFirstRep().getValue();
    bundle.addEntry()
        .setFullUrl(fullUrl)
        .setResource(observation)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl(ResourceType.Observation.name() + "?" + Observation.SP_IDENTIFIER + "="
            + UrlUtil.escapeUrlParam(identifier));
    return fullUrl;
  }
}
