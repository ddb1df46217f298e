package be.ifp.carecoord.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.api.svc.ResolveIdentityMode;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * The resources a batch of AuditEvents refers to (the persons, their resources, the users),
 * resolved by HAPI in one lookup and handed to the write as already resolved: storing each event
 * would otherwise look up each of its references on its own, two or three queries per event.
 * HAPI's identity cache may answer: the same persons and resources are read over and over.
 *
 * <p>What is not found is told to the caller: a reference to it would not be stored (references
 * must resolve), so the event names it instead. Not found means deleted, never stored here (a
 * token's user from elsewhere), not a reference to this server at all, or, for a write, written
 * by the same transaction and not flushed yet; the caller knows which of these it can meet. The
 * cache of another instance may not know yet of a delete: the target is then handed over as
 * resolved and the event keeps a reference to the deleted resource, as events written before a
 * delete do ({@link AuditDoesNotBlockDeletes}).
 */
@Component
class EventTargets {

  /** {@code Type/id} with an id as FHIR allows it; anything else is not a resource of this server. */
  private static final Pattern RELATIVE = Pattern.compile("([A-Z][A-Za-z]+)/[A-Za-z0-9\\-.]{1,64}");

  private final IIdHelperService<JpaPid> identities;
  private final FhirContext fhirContext;

  EventTargets(IIdHelperService<JpaPid> identities, FhirContext fhirContext) {
    this.identities = identities;
    this.fhirContext = fhirContext;
  }

  /**
   * Adds the references that the transaction does not know yet to its resolved ids, and returns
   * those that do not resolve.
   */
  Set<String> resolve(Collection<String> references, TransactionDetails transaction) {
    Set<String> absent = new HashSet<>();
    Map<String, IdType> wanted = new LinkedHashMap<>();
    for (String reference : references) {
      if (!isOfThisServer(reference)) {
        absent.add(reference);
      } else if (!wanted.containsKey(reference) && !transaction.hasResolvedResourceId(new IdType(reference))) {
        wanted.put(reference, new IdType(reference));
      }
    }
    if (wanted.isEmpty()) {
      return absent;
    }
    // HAPI keys its identity cache by the partitions asked for; without partitioning, its own
    // creates, reads and deletes ask for all of them. Asking the same, a delete replaces the
    // entry this lookup finds, and a deleted target is not taken for a stored one.
    identities.resolveResourceIdentities(RequestPartitionId.allPartitions(), new ArrayList<IIdType>(wanted.values()),
            ResolveIdentityMode.excludeDeleted().cacheOk())
        .forEach((id, lookup) -> {
          transaction.addResolvedResourceId(id, lookup.getPersistentId());
          wanted.remove(id.toUnqualifiedVersionless().getValue());
        });
    absent.addAll(wanted.keySet());
    return absent;
  }

  private boolean isOfThisServer(String reference) {
    var relative = RELATIVE.matcher(reference);
    return relative.matches() && fhirContext.getResourceTypes().contains(relative.group(1));
  }
}
