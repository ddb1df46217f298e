package be.ifp.carecoord.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * Which resources are a person's data, and whose: the FHIR Patient compartment decides (a
 * CarePlan by its subject, a CareTeam by its subject and participants, an AuditEvent by its
 * patient entity…). Practitioners, their roles and organisations are in no person's compartment:
 * they are the directory.
 */
@Component
public class PersonData {

  private static final String COMPARTMENT = "Patient";

  private final FhirContext fhirContext;

  PersonData(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public boolean isPersonData(String resourceType) {
    return COMPARTMENT.equals(resourceType)
        || !fhirContext.getResourceDefinition(resourceType).getSearchParamsForCompartmentName(COMPARTMENT).isEmpty();
  }

  /**
   * The search parameter that finds a type's resources by person: {@code _id} for Patient, else
   * the compartment parameter named {@code patient} or {@code subject}, else the first one.
   */
  String compartmentParameter(String resourceType) {
    if (COMPARTMENT.equals(resourceType)) {
      return "_id";
    }
    List<String> names = fhirContext.getResourceDefinition(resourceType).getSearchParamsForCompartmentName(COMPARTMENT)
        .stream().map(RuntimeSearchParam::getName).toList();
    return names.contains("patient") ? "patient" : names.contains("subject") ? "subject" : names.get(0);
  }

  /**
   * The persons ({@code Patient/…}) a search on a person's data names in its compartment
   * parameters ({@code CarePlan?subject=Patient/1}, {@code Observation?patient=1},
   * {@code Patient?_id=1}); empty when it names none, or names one in a way this does not read
   * (a chain, a full URL): the caller then gets the search narrowed to all their persons.
   */
  public Set<String> personsNamedBy(RequestDetails request) {
    return personsNamedBy(request.getResourceName(), request.getParameters());
  }

  /** {@link #personsNamedBy(RequestDetails)} for a search given as its type and parameters. */
  public Set<String> personsNamedBy(String type, Map<String, String[]> searchParameters) {
    if (type == null || !fhirContext.getResourceTypes().contains(type) || !isPersonData(type)) {
      return Set.of();
    }
    Set<String> parameters = new HashSet<>();
    if (COMPARTMENT.equals(type)) {
      parameters.add("_id");
    } else {
      fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName(COMPARTMENT)
          .forEach(parameter -> parameters.add(parameter.getName()));
    }
    Set<String> named = new HashSet<>();
    for (Map.Entry<String, String[]> parameter : searchParameters.entrySet()) {
      String name = parameter.getKey();
      boolean typed = name.endsWith(":" + COMPARTMENT);
      String plain = typed ? name.substring(0, name.indexOf(':')) : name;
      if (!parameters.contains(plain)) {
        continue;
      }
      // A bare id names a Patient only where the parameter can point at nothing else.
      boolean bareIdIsPatient = typed || plain.equals("_id") || plain.equals("patient");
      for (String values : parameter.getValue()) {
        for (String value : values.split(",")) {
          Optional<String> person = personNamed(value, bareIdIsPatient);
          if (person.isEmpty()) {
            return Set.of();
          }
          named.add(person.get());
        }
      }
    }
    return named;
  }

  /** {@code Patient/<id>} for {@code Patient/<id>} or a bare id; empty for anything else (a URL, another type). */
  private static Optional<String> personNamed(String value, boolean bareIdIsPatient) {
    String person = value.startsWith(COMPARTMENT + "/") ? value
        : bareIdIsPatient && !value.contains("/") ? COMPARTMENT + "/" + value : null;
    return person == null || person.indexOf('/') != person.lastIndexOf('/') ? Optional.empty() : Optional.of(person);
  }

  /** The persons ({@code Patient/…}) the resource belongs to. */
  public Set<String> ownersOf(IBaseResource resource) {
    Set<String> owners = new HashSet<>();
    if (COMPARTMENT.equals(resource.fhirType())) {
      if (resource.getIdElement().hasIdPart()) {
        owners.add(COMPARTMENT + "/" + resource.getIdElement().getIdPart());
      }
      return owners;
    }
    for (IIdType owner : fhirContext.newTerser().getCompartmentOwnersForResource(COMPARTMENT, resource,
        (Set<String>) null)) {
      // Some compartment paths (CareTeam.participant.member) also yield practitioners.
      if (owner.hasIdPart() && COMPARTMENT.equals(owner.getResourceType())) {
        owners.add(COMPARTMENT + "/" + owner.getIdPart());
      }
    }
    return owners;
  }
}
