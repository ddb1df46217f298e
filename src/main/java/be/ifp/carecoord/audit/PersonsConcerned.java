package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.PersonData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Which persons a set of resources concerns, and which of the resources concern each: one
 * AuditEvent is recorded per person. AuditEvents themselves concern nobody here (reading or
 * writing the access log is not audited, or it would feed itself).
 */
@Component
class PersonsConcerned {

  private static final String AUDIT_EVENT = "AuditEvent";

  private final PersonData personData;

  PersonsConcerned(PersonData personData) {
    this.personData = personData;
  }

  /** {@code Patient/…} → the {@code Type/id}s of that person's resources among these. */
  Map<String, List<String>> byPerson(List<? extends IBaseResource> resources) {
    Map<String, List<String>> byPerson = new LinkedHashMap<>();
    for (IBaseResource resource : resources) {
      String type = resource.fhirType();
      if (AUDIT_EVENT.equals(type) || !personData.isPersonData(type)) {
        continue;
      }
      String reference = type + "/" + resource.getIdElement().getIdPart();
      for (String patient : personData.ownersOf(resource)) {
        byPerson.computeIfAbsent(patient, p -> new ArrayList<>()).add(reference);
      }
    }
    return byPerson;
  }
}
