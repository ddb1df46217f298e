package be.ifp.carecoord.audit;

import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;

/**
 * The resources a batch of AuditEvents refers to (the persons, their resources, the users),
 * looked up in one query and handed to HAPI as already resolved: storing each event would
 * otherwise look up each of its references on its own, two or three queries per event. What is
 * not found here (deleted meanwhile, or written by the same transaction and not yet flushed) is
 * left to HAPI, which resolves it as usual or refuses the event.
 */
@Component
class EventTargets {

  private static final String CURRENT = "select RES_ID, RES_TYPE, FHIR_ID from HFJ_RESOURCE"
      + " where RES_DELETED_AT is null and RES_TYPE in (:types) and FHIR_ID in (:ids)";

  private final EntityManager entityManager;

  EventTargets(EntityManagerFactory entityManagerFactory) {
    this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
  }

  /** Adds the events' targets that the transaction does not know yet to its resolved ids. */
  void resolve(List<AuditEvent> events, TransactionDetails transaction) {
    Set<String> wanted = new HashSet<>();
    for (AuditEvent event : events) {
      event.getAgent().forEach(agent -> want(agent.getWho(), transaction, wanted));
      event.getEntity().forEach(entity -> want(entity.getWhat(), transaction, wanted));
    }
    if (wanted.isEmpty()) {
      return;
    }
    Set<String> types = new HashSet<>();
    Set<String> ids = new HashSet<>();
    wanted.forEach(reference -> {
      types.add(reference.substring(0, reference.indexOf('/')));
      ids.add(reference.substring(reference.indexOf('/') + 1));
    });
    List<?> rows = entityManager.createNativeQuery(CURRENT)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter("types", types)
        .setParameter("ids", ids)
        .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      String type = String.valueOf(columns[1]);
      String reference = type + "/" + columns[2];
      if (wanted.contains(reference)) {
        transaction.addResolvedResourceId(new IdType(reference),
            JpaPid.fromIdAndResourceType(((Number) columns[0]).longValue(), type));
      }
    }
  }

  /** Relative references ({@code Type/id}) only; the others are not HAPI's to resolve. */
  private static void want(Reference reference, TransactionDetails transaction, Set<String> wanted) {
    String value = reference.getReference();
    if (value == null || value.indexOf('/') <= 0 || value.indexOf('/') != value.lastIndexOf('/')) {
      return;
    }
    if (!transaction.hasResolvedResourceId(new IdType(value))) {
      wanted.add(value);
    }
  }
}
