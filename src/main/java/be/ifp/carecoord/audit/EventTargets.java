package be.ifp.carecoord.audit;

import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.api.svc.ResolveIdentityMode;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The resources a batch of AuditEvents refers to (the persons, their resources, the users),
 * resolved by HAPI in one lookup and handed to the write as already resolved: storing each event
 * would otherwise look up each of its references on its own, two or three queries per event.
 * What is not found here (written by the same transaction and not yet flushed, or deleted before
 * it was first looked up) is left to the write, which resolves it as usual or refuses the event.
 * HAPI's identity cache may answer: the same persons and resources are read over and over, and an
 * event about a resource deleted since it was read still tells of a read that happened.
 */
@Component
class EventTargets {

  private final IIdHelperService<JpaPid> identities;

  EventTargets(IIdHelperService<JpaPid> identities) {
    this.identities = identities;
  }

  /** Adds the events' targets that the transaction does not know yet to its resolved ids. */
  void resolve(List<AuditEvent> events, TransactionDetails transaction) {
    Set<IIdType> wanted = new LinkedHashSet<>();
    for (AuditEvent event : events) {
      event.getAgent().forEach(agent -> want(agent.getWho(), transaction, wanted));
      event.getEntity().forEach(entity -> want(entity.getWhat(), transaction, wanted));
    }
    if (wanted.isEmpty()) {
      return;
    }
    identities.resolveResourceIdentities(RequestPartitionId.defaultPartition(), wanted,
            ResolveIdentityMode.excludeDeleted().cacheOk())
        .forEach((id, lookup) -> transaction.addResolvedResourceId(id, lookup.getPersistentId()));
  }

  /** Relative references ({@code Type/id}) only; the others are not HAPI's to resolve. */
  private static void want(Reference reference, TransactionDetails transaction, Set<IIdType> wanted) {
    String value = reference.getReference();
    if (value == null || value.indexOf('/') <= 0 || value.indexOf('/') != value.lastIndexOf('/')) {
      return;
    }
    IdType id = new IdType(value);
    if (!transaction.hasResolvedResourceId(id)) {
      wanted.add(id);
    }
  }
}
