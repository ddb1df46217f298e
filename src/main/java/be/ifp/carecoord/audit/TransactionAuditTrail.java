package be.ifp.carecoord.audit;

import be.ifp.carecoord.security.Caller;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The writes of one database transaction, waiting to be recorded: bound to the transaction,
 * written just before it commits (inside it) and forgotten when it ends, committed or not. A
 * write retried after a conflict runs in a new transaction and gets a new trail.
 */
final class TransactionAuditTrail implements TransactionSynchronization {

  private static final Object KEY = TransactionAuditTrail.class;

  private record Group(Caller caller, String address, AuditEventAction action, String interaction, String patient) {}

  private final AuditEventWriter writer;
  /** HAPI's account of the write: knows the ids of what it stored, so that the events' references resolve without queries. */
  private final TransactionDetails transaction;
  private final Map<Group, List<String>> resourcesByGroup = new LinkedHashMap<>();
  private final Set<String> deleted = new HashSet<>();

  private TransactionAuditTrail(AuditEventWriter writer, TransactionDetails transaction) {
    this.writer = writer;
    this.transaction = transaction;
  }

  /** The trail of the transaction this thread is in, started on the first write. */
  static TransactionAuditTrail ofCurrentTransaction(AuditEventWriter writer, TransactionDetails transaction) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      // HAPI writes inside Spring-managed transactions only; anything else is a wiring mistake.
      throw new IllegalStateException("A write of a person's data outside a database transaction cannot be audited");
    }
    TransactionAuditTrail trail = (TransactionAuditTrail) TransactionSynchronizationManager.getResource(KEY);
    if (trail == null) {
      trail = new TransactionAuditTrail(writer, transaction);
      TransactionSynchronizationManager.bindResource(KEY, trail);
      TransactionSynchronizationManager.registerSynchronization(trail);
    }
    return trail;
  }

  void add(Caller caller, String address, AuditEventAction action, String interaction, String patient,
      List<String> resources) {
    List<String> concerned = resourcesByGroup.computeIfAbsent(
        new Group(caller, address, action, interaction, patient), g -> new ArrayList<>());
    resources.stream().filter(r -> !concerned.contains(r)).forEach(concerned::add);
  }

  /** A resource deleted in this transaction: the AuditEvents can name it but not refer to it. */
  void deleted(String reference) {
    deleted.add(reference);
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    List<AuditRecord> records = new ArrayList<>();
    resourcesByGroup.forEach((group, resources) -> records.add(new AuditRecord(group.caller(), group.address(),
        group.action(), group.interaction(), group.patient(), resources, Set.copyOf(deleted),
        AuditEventOutcome._0)));
    resourcesByGroup.clear();
    writer.writeInCurrentTransaction(records, transaction);
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
  }
}
