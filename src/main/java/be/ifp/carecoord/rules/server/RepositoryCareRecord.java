package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.server.PersonLinkedResources;
import be.ifp.carecoord.server.StoredText;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;

/**
 * The {@link CareRecord} of the server, read straight from HAPI's tables with two indexed queries
 * (resources by id; a person's resources through the reference index, {@link PersonLinkedResources})
 * in the caller's database transaction, so that a rule run just before commit sees what the
 * transaction is about to commit.
 *
 * <p>Why not HAPI's DAOs: a DAO read or search costs several milliseconds of machinery
 * (interceptors, partitions, tags, history) and a write runs a dozen of them; and loading a
 * resource again in the Hibernate session that has just persisted it trips Hibernate ("possible
 * non-threadsafe access to the session"). This class depends on HAPI 8.8's schema (HFJ_RESOURCE,
 * HFJ_RES_VER with inline JSON text, HFJ_RES_LINK); the rule integration tests cover it on H2 and
 * PostgreSQL. Runs as the system: access control is not the rules' concern.
 *
 * <p>The queries do not flush the Hibernate session first: what this request is writing reaches
 * the rules as pending resources, and HAPI flushes a transaction Bundle's entries itself before
 * the rules run; a flush per query would dirty-check every entity of the write again.
 */
@Component
class RepositoryCareRecord implements CareRecord {

  private static final String CURRENT_TEXT = "select v.RES_TEXT_VC from HFJ_RESOURCE r"
      + " join HFJ_RES_VER v on v.RES_ID = r.RES_ID and v.RES_VER = r.RES_VER"
      + " where r.RES_TYPE = :type and r.FHIR_ID = :id and r.RES_DELETED_AT is null";

  /** The paths by which a person's teams, episodes, consents and plans refer to her. */
  private static final List<String> PERSON_PATHS =
      List.of("CareTeam.subject", "EpisodeOfCare.patient", "Consent.patient", "CarePlan.subject");

  private static final String CURRENT_TEXTS = "select r.RES_TYPE, r.FHIR_ID, v.RES_TEXT_VC from HFJ_RESOURCE r"
      + " join HFJ_RES_VER v on v.RES_ID = r.RES_ID and v.RES_VER = r.RES_VER"
      + " where r.FHIR_ID in (:ids) and r.RES_DELETED_AT is null";

  private final EntityManager entityManager;
  private final PersonLinkedResources linkedResources;
  private final FhirContext fhirContext;
  private final Set<String> heldByCaller;
  /**
   * A person's linked rows by type, read once per check; null in the shared bean, whose answers
   * must not outlive a transaction.
   */
  private final Map<String, Map<String, List<PersonLinkedResources.Row>>> personRows;

  @Autowired
  RepositoryCareRecord(EntityManagerFactory entityManagerFactory, PersonLinkedResources linkedResources,
      FhirContext fhirContext) {
    this(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), linkedResources, fhirContext,
        Set.of(), null);
  }

  private RepositoryCareRecord(EntityManager entityManager, PersonLinkedResources linkedResources,
      FhirContext fhirContext, Set<String> heldByCaller,
      Map<String, Map<String, List<PersonLinkedResources.Row>>> personRows) {
    this.entityManager = entityManager;
    this.linkedResources = linkedResources;
    this.fhirContext = fhirContext;
    this.heldByCaller = heldByCaller;
    this.personRows = personRows;
  }

  /**
   * This record for one check: without the resources (references {@code Type/id}) the caller
   * holds itself, and reading each person's teams, episodes, consents and plans in one query.
   */
  RepositoryCareRecord without(Set<String> heldByCaller) {
    return new RepositoryCareRecord(entityManager, linkedResources, fhirContext, heldByCaller, new HashMap<>());
  }

  @Override
  public Optional<Resource> read(String reference) {
    IdType id = new IdType(reference);
    if (heldByCaller.contains(reference) || !id.hasResourceType() || !id.hasIdPart()) {
      return Optional.empty();
    }
    List<?> texts = entityManager.createNativeQuery(CURRENT_TEXT)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("type", id.getResourceType())
        .setParameter("id", id.getIdPart())
        .getResultList();
    return texts.isEmpty() ? Optional.empty()
        : Optional.of(parse(id.getResourceType(), id.getIdPart(), texts.get(0), fhirContext.newJsonParser()));
  }

  /** One query for all of them (the rules' prefetch of what a resource refers to). */
  @Override
  public Map<String, Resource> readAll(Collection<String> references) {
    Set<String> wanted = new HashSet<>(references);
    wanted.removeAll(heldByCaller);
    Set<String> ids = new HashSet<>();
    for (String reference : wanted) {
      IdType id = new IdType(reference);
      if (id.hasResourceType() && id.hasIdPart()) {
        ids.add(id.getIdPart());
      }
    }
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<?> rows = entityManager.createNativeQuery(CURRENT_TEXTS)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("ids", ids)
        .getResultList();
    IParser parser = fhirContext.newJsonParser();
    Map<String, Resource> found = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      String reference = columns[0] + "/" + columns[1];
      // The same id may exist under several types; only the asked ones count.
      if (wanted.contains(reference)) {
        found.put(reference, parse(String.valueOf(columns[0]), String.valueOf(columns[1]), columns[2], parser));
      }
    }
    return found;
  }

  @Override
  public List<CareTeam> careTeamsOf(String patient) {
    return linked(CareTeam.class, patient);
  }

  @Override
  public List<EpisodeOfCare> episodesOf(String patient) {
    return linked(EpisodeOfCare.class, patient);
  }

  @Override
  public List<Consent> consentsOf(String patient) {
    return linked(Consent.class, patient);
  }

  @Override
  public List<CarePlan> carePlansOf(String patient) {
    return linked(CarePlan.class, patient);
  }

  /** The current versions of the resources of a type that refer to the person. */
  private <T extends Resource> List<T> linked(Class<T> type, String patient) {
    if (!patient.startsWith("Patient/")) {
      return List.of();
    }
    String resourceType = fhirContext.getResourceType(type);
    Map<String, List<PersonLinkedResources.Row>> byType = personRows == null ? linkedRows(patient)
        : personRows.computeIfAbsent(patient, this::linkedRows);
    IParser parser = fhirContext.newJsonParser();
    // A resource that refers to the person twice has two index rows.
    Map<String, T> found = new LinkedHashMap<>();
    for (PersonLinkedResources.Row row : byType.getOrDefault(resourceType, List.of())) {
      if (!heldByCaller.contains(resourceType + "/" + row.id()) && !found.containsKey(row.id())) {
        found.put(row.id(), type.cast(parse(resourceType, row.id(), row.text(), parser)));
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * One query for all the person's teams, episodes, consents and plans, as unparsed rows by
   * type: the rules of one write usually ask for several of them.
   */
  private Map<String, List<PersonLinkedResources.Row>> linkedRows(String patient) {
    Map<String, List<PersonLinkedResources.Row>> byType = new HashMap<>();
    for (PersonLinkedResources.Row row : linkedResources.of(patient.substring("Patient/".length()), PERSON_PATHS)) {
      byType.computeIfAbsent(row.type(), type -> new ArrayList<>()).add(row);
    }
    return byType;
  }

  private static Resource parse(String type, String id, Object text, IParser parser) {
    Resource resource = (Resource) parser.parseResource(StoredText.structureOf(text));
    // HAPI stores the text without id and version.
    resource.setId(type + "/" + id);
    return resource;
  }

}
