package be.ifp.carecoord.rules;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Every reference a resource makes, anywhere in it (participants, performers, extensions). */
final class ReferencesIn {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private ReferencesIn() {}

  static Set<String> resource(Resource resource) {
    Set<String> references = new HashSet<>();
    for (Reference reference : FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      String value = References.of(reference);
      if (value != null) {
        references.add(value);
      }
    }
    return references;
  }
}
