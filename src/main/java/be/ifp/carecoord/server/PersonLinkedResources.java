package be.ifp.carecoord.server;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;

/**
 * The current versions of the resources that refer to one person by given paths (her teams by
 * {@code CareTeam.subject}, her episodes by {@code EpisodeOfCare.patient}…), in one indexed query
 * through HAPI's reference index, straight from HAPI 8.8's tables (HFJ_RESOURCE, HFJ_RES_LINK,
 * HFJ_RES_VER with inline JSON text) and in the caller's database transaction. The rules and the
 * access checks both ask this for one person at a time: neither ever reads all resources of a type.
 *
 * <p>The query does not flush the Hibernate session first: what a request is writing reaches its
 * callers another way, and a flush per query would dirty-check every entity of the write again.
 */
@Component
public class PersonLinkedResources {

  private static final String LINKED_TEXTS = "select s.RES_TYPE, s.FHIR_ID, v.RES_TEXT_VC from HFJ_RESOURCE t"
      + " join HFJ_RES_LINK l on l.TARGET_RESOURCE_ID = t.RES_ID and l.SRC_PATH in (:paths)"
      + " join HFJ_RESOURCE s on s.RES_ID = l.SRC_RESOURCE_ID and s.RES_DELETED_AT is null"
      + " join HFJ_RES_VER v on v.RES_ID = s.RES_ID and v.RES_VER = s.RES_VER"
      + " where t.RES_TYPE = 'Patient' and t.FHIR_ID = :id";

  /**
   * One resource that refers to the person, its text without narratives ({@link StoredText#structureOf});
   * a resource that refers to her twice comes twice.
   */
  public record Row(String type, String id, String text) {}

  private final EntityManager entityManager;

  public PersonLinkedResources(EntityManagerFactory entityManagerFactory) {
    this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
  }

  /** The resources that refer to {@code Patient/<patientId>} by one of the paths. */
  public List<Row> of(String patientId, Collection<String> paths) {
    List<?> rows = entityManager.createNativeQuery(LINKED_TEXTS)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("paths", paths)
        .setParameter("id", patientId)
        .getResultList();
    List<Row> found = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      found.add(new Row(String.valueOf(columns[0]), String.valueOf(columns[1]), StoredText.structureOf(columns[2])));
    }
    return found;
  }
}
