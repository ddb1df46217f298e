package be.ifp.carecoord.rules;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/** References the way the rules compare them: relative, {@code Type/id}, without version. */
public final class References {

  private References() {}

  /** {@code Type/id} of a resource, or its type alone while it has no id. */
  public static String of(Resource resource) {
    if (resource.getIdElement().hasIdPart()) {
      String id = resource.getIdElement().getIdPart();
      // A transaction entry's placeholder id (urn:uuid:…) stays as it is.
      return id.startsWith("urn:") ? id : resource.fhirType() + "/" + id;
    }
    return resource.fhirType();
  }

  /** The relative reference without a version or base URL, or null when there is none. */
  public static String of(Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return null;
    }
    String value = reference.getReference();
    if (value.startsWith("urn:") || value.startsWith("#")) {
      return value;
    }
    return reference.getReferenceElement().toUnqualifiedVersionless().getValue();
  }

  /** Whether the reference points to a resource of this type. */
  public static boolean isTo(Reference reference, String type) {
    String value = of(reference);
    return value != null && value.startsWith(type + "/");
  }

  /**
   * The person ({@code Patient/id}) a resource is about, or null for resources that belong to no
   * one person (professionals, organisations).
   */
  public static String personOf(Resource resource) {
    Reference person = null;
    if (resource instanceof CareTeam team) {
      person = team.getSubject();
    } else if (resource instanceof CarePlan plan) {
      person = plan.getSubject();
    } else if (resource instanceof EpisodeOfCare episode) {
      person = episode.getPatient();
    } else if (resource instanceof Consent consent) {
      person = consent.getPatient();
    } else if (resource instanceof Goal goal) {
      person = goal.getSubject();
    } else if (resource instanceof Condition condition) {
      person = condition.getSubject();
    } else if (resource instanceof Observation observation) {
      person = observation.getSubject();
    } else if (resource instanceof RelatedPerson relatedPerson) {
      person = relatedPerson.getPatient();
    } else if (resource instanceof Patient patient) {
      person = new Reference(of(patient));
    }
    String value = of(person);
    return value != null && (value.startsWith("Patient/") || value.startsWith("urn:")) ? value : null;
  }
}
