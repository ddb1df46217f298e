package be.ifp.carecoord.security;

import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops the kept access decisions ({@link AccessDecisionCache}) that a write may change: those
 * about the persons whose teams, episodes, consents or Patient it writes, and all of them when it
 * writes a professional's Practitioner or PractitionerRole (the identities a decision counts).
 * Once just before the commit and once after it, so that no decision read from the old data
 * outlives the write here; on PostgreSQL the write also tells the other instances, in its own
 * transaction (a rolled back write tells nobody).
 */
@Component
@Interceptor
class AccessChanges implements StorageInterceptor {

  private static final Set<String> PERSON_LINKS = Set.of("CareTeam", "EpisodeOfCare", "Consent", "Patient");
  private static final Set<String> IDENTITIES = Set.of("Practitioner", "PractitionerRole");

  private final AccessDecisionCache cache;
  private final PersonData personData;
  private final ObjectProvider<PostgresAccessChanges> otherInstances;

  AccessChanges(AccessDecisionCache cache, PersonData personData, ObjectProvider<PostgresAccessChanges> otherInstances) {
    this.cache = cache;
    this.personData = personData;
    this.otherInstances = otherInstances;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    changed(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    changed(previous);
    changed(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource) {
    changed(resource);
  }

  private void changed(IBaseResource resource) {
    if (resource == null) {
      return;
    }
    String type = resource.fhirType();
    boolean everyone = IDENTITIES.contains(type);
    if (!everyone && !PERSON_LINKS.contains(type)) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      // HAPI writes inside Spring-managed transactions; should one not, forget at once.
      cache.forgetAll();
      return;
    }
    Pending pending = pending();
    pending.everyone |= everyone;
    if (!everyone) {
      pending.persons.addAll(personData.ownersOf(resource));
    }
  }

  private Pending pending() {
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(Pending.class, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    return pending;
  }

  /** The changes of one transaction. */
  private final class Pending implements TransactionSynchronization {
    private final Set<String> persons = new HashSet<>();
    private boolean everyone;

    @Override
    public void beforeCommit(boolean readOnly) {
      forget();
      PostgresAccessChanges announcer = otherInstances.getIfAvailable();
      if (announcer != null) {
        announcer.announce(persons, everyone);
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
      forget();
    }

    private void forget() {
      if (everyone) {
        cache.forgetAll();
      } else {
        persons.forEach(cache::forget);
      }
    }
  }
}
