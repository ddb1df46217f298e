package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.locks.TransactionLocks;
import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.Language;
import be.ifp.carecoord.rules.PendingChangesCareRecord;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleEngine;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The rules as the server runs them: over the database state of the current transaction for
 * writes, over pending resources for {@code $validate} and for writes refused earlier, and
 * reported as OperationOutcome issues in the client's language.
 */
public class RuleChecks {

  private static final String REQUEST_BUNDLE = RuleChecks.class.getName() + ".bundle";

  private final RuleEngine engine;
  private final RepositoryCareRecord stored;
  private final TransactionLocks locks;
  private final Language defaultLanguage;

  RuleChecks(RuleEngine engine, RepositoryCareRecord stored, TransactionLocks locks, Language defaultLanguage) {
    this.engine = engine;
    this.stored = stored;
    this.locks = locks;
    this.defaultLanguage = defaultLanguage;
  }

  /**
   * Findings on a resource just written in the current database transaction, seen together with
   * the other resources of the same request. Locks the person first when a cardinality rule is
   * involved, so that concurrent writes for one person are judged one after the other.
   */
  List<Finding> afterWrite(Resource written, Collection<Resource> sameRequest) {
    lockPersonIfNeeded(written);
    return engine.checkWrite(written,
        PendingChangesCareRecord.over(stored.without(referencesOf(sameRequest)), sameRequest));
  }

  /** Findings on what depended on a resource deleted in the current database transaction. */
  List<Finding> afterDelete(Resource deleted) {
    lockPersonIfNeeded(deleted);
    String reference = References.of(deleted);
    return engine.checkDelete(deleted,
        PendingChangesCareRecord.without(stored.without(Set.of(reference)), reference));
  }

  /**
   * Findings on resources that are not (or not yet) stored, as if they were written together:
   * {@code $validate}, and a write that its profile already refused.
   */
  public List<Finding> ifWritten(Collection<Resource> resources) {
    CareRecord record = PendingChangesCareRecord.over(stored.without(Set.of()), resources);
    return resources.stream()
        .flatMap(resource -> engine.checkWrite(resource, record).stream())
        .distinct()
        .toList();
  }

  /** Whether a resource of this type is looked at by any rule. */
  public boolean isChecked(Resource resource) {
    return engine.rules().stream().anyMatch(rule -> rule.appliesTo(resource.fhirType())
        || rule.recheckedOn().contains(resource.fhirType()));
  }

  /** The language of the request's {@code Accept-Language}, or the configured default. */
  public Language languageOf(RequestDetails request) {
    return Language.fromAcceptLanguage(
        request == null ? null : request.getHeader("Accept-Language"), defaultLanguage);
  }

  /**
   * Adds the findings to an OperationOutcome, with expressions into the request's transaction or
   * batch Bundle when there is one.
   */
  public void report(OperationOutcome outcome, List<Finding> findings, RequestDetails request) {
    report(outcome, findings, request, bundleOf(request));
  }

  /** As {@link #report(OperationOutcome, List, RequestDetails)}, for a Bundle given by the caller. */
  void report(OperationOutcome outcome, List<Finding> findings, RequestDetails request, Bundle requestBundle) {
    Language language = languageOf(request);
    for (Finding finding : findings) {
      RuleOutcomes.addIssue(outcome, finding, language, entryPath(requestBundle, finding.resource()));
    }
  }

  /** Remembers the Bundle a request writes, so that findings can point into its entries. */
  static void rememberBundle(RequestDetails request, Bundle bundle) {
    request.getUserData().put(REQUEST_BUNDLE, bundle);
  }

  static Bundle bundleOf(RequestDetails request) {
    return request == null ? null : (Bundle) request.getUserData().get(REQUEST_BUNDLE);
  }

  private static String entryPath(Bundle bundle, String resource) {
    if (bundle == null) {
      return null;
    }
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Bundle.BundleEntryComponent entry = entries.get(i);
      if (entry.hasResource() && (resource.equals(References.of(entry.getResource()))
          || resource.equals(entry.getFullUrl()))) {
        return "Bundle.entry[" + i + "].resource";
      }
    }
    return null;
  }

  private static Set<String> referencesOf(Collection<Resource> resources) {
    return resources.stream().map(References::of).collect(Collectors.toSet());
  }

  private void lockPersonIfNeeded(Resource resource) {
    String person = References.personOf(resource);
    if (person != null && engine.needsPersonLock(resource)) {
      locks.lockForTransaction("person " + person);
    }
  }
}
