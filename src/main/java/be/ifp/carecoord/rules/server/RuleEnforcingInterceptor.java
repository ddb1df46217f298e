package be.ifp.carecoord.rules.server;

import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.server.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs the IFP rules at the storage layer, just before each write commits, so that they hold for
 * every path into the database (create, update, conditional, PATCH, transaction, batch).
 *
 * <p>Inside a transaction Bundle HAPI defers these hooks until every entry is written, so the
 * rules see the whole transaction; the findings of all entries are then reported together, and
 * one error rolls the whole transaction back. Warnings are kept on the request and added to the
 * response by {@link RuleWarningsResponder}.
 */
@Interceptor
class RuleEnforcingInterceptor implements StorageInterceptor {

  static final String WARNINGS = RuleEnforcingInterceptor.class.getName() + ".warnings";
  private static final String TRANSACTION_FINDINGS = RuleEnforcingInterceptor.class.getName() + ".transaction";

  private final RuleChecks checks;

  RuleEnforcingInterceptor(RuleChecks checks) {
    this.checks = checks;
  }

  /** Remembers the request Bundle: findings point into its entries, and its entries are seen together. */
  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void bundleStarts(IBaseBundle bundle, RequestDetails request) {
    if (request != null && bundle instanceof Bundle requestBundle) {
      RuleChecks.rememberBundle(request, requestBundle);
    }
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    judge(checks.afterWrite((Resource) resource, sameRequest(request, resource)), request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    judge(checks.afterWrite((Resource) resource, sameRequest(request, resource)), request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource, RequestDetails request) {
    judge(checks.afterDelete((Resource) resource), request);
  }

  /** Still inside the database transaction: an error here rolls back every entry. */
  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSED)
  public void transactionWritten(RequestDetails request) {
    if (request == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Finding> findings = (List<Finding>) request.getUserData().remove(TRANSACTION_FINDINGS);
    if (findings != null) {
      refuseOnError(findings, request);
    }
  }

  /**
   * A write that lost a race is about to be run again from the start (see the sync package), or
   * is answered 409: what its failed attempt found is no longer true. Runs before any hook that
   * decides on the retry, since the first hook with an answer ends the call.
   */
  @Hook(value = Pointcut.STORAGE_VERSION_CONFLICT, order = Integer.MIN_VALUE)
  public void attemptFailed(RequestDetails request) {
    if (request == null) {
      return;
    }
    request.getUserData().remove(TRANSACTION_FINDINGS);
    Bundle bundle = RuleChecks.bundleOf(request);
    // A batch's earlier entries were stored in their own transactions: their warnings stand.
    if (bundle == null || bundle.getType() != Bundle.BundleType.BATCH) {
      request.getUserData().remove(WARNINGS);
    }
  }

  private void judge(List<Finding> findings, RequestDetails request) {
    if (findings.isEmpty()) {
      return;
    }
    if (transactionOf(request) != null) {
      findingsOf(request, TRANSACTION_FINDINGS).addAll(findings);
      return;
    }
    refuseOnError(findings, request);
  }

  private void refuseOnError(List<Finding> findings, RequestDetails request) {
    if (findings.stream().anyMatch(Finding::isError)) {
      OperationOutcome outcome = new OperationOutcome();
      checks.report(outcome, findings, request);
      long errors = findings.stream().filter(Finding::isError).count();
      throw new UnprocessableEntityException(
          "Refused by " + errors + " IFP rule finding(s): " + findings.stream()
              .filter(Finding::isError).map(f -> f.rule().id()).distinct().toList(),
          outcome);
    }
    if (request != null) {
      findingsOf(request, WARNINGS).addAll(findings);
    }
  }

  /** The resources of the same request Bundle, which the rules see as written. */
  private static List<Resource> sameRequest(RequestDetails request, IBaseResource resource) {
    List<Resource> resources = new ArrayList<>();
    resources.add((Resource) resource);
    Bundle transaction = transactionOf(request);
    if (transaction != null) {
      for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
        if (entry.hasResource() && entry.getResource() != resource
            && entry.getResource().getIdElement().hasIdPart()
            && !entry.getResource().getIdElement().getIdPart().startsWith("urn:")
            && entry.getRequest().getMethod() != Bundle.HTTPVerb.DELETE) {
          resources.add(entry.getResource());
        }
      }
    }
    return resources;
  }

  /** The request's Bundle when it is a transaction (judged whole), else null. */
  private static Bundle transactionOf(RequestDetails request) {
    Bundle bundle = RuleChecks.bundleOf(request);
    return bundle != null && bundle.getType() == Bundle.BundleType.TRANSACTION ? bundle : null;
  }

  @SuppressWarnings("unchecked")
  static List<Finding> findingsOf(RequestDetails request, String key) {
    return (List<Finding>) request.getUserData().computeIfAbsent(key, k -> new ArrayList<Finding>());
  }
}
