package be.ifp.carecoord.rules;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a rule gets while it checks one focus resource: the record to read other resources from,
 * the entity whose severities apply, the operator's settings, the moment of the check, and where
 * to report what it finds.
 */
public final class RuleContext {

  private final Rule rule;
  private final Resource focus;
  private final Entity entity;
  private final Severity severity;
  private final CareRecord record;
  private final RuleSettings settings;
  private final EligibleProfessions professions;
  private final Instant now;
  private final List<Finding> findings;

  RuleContext(
      Rule rule, Resource focus, Entity entity, Severity severity, CareRecord record,
      RuleSettings settings, EligibleProfessions professions, Instant now, List<Finding> findings) {
    this.rule = rule;
    this.focus = focus;
    this.entity = entity;
    this.severity = severity;
    this.record = record;
    this.settings = settings;
    this.professions = professions;
    this.now = now;
    this.findings = findings;
  }

  public CareRecord record() {
    return record;
  }

  /** The federated entity of the focus resource (its team's or episode's), or the default. */
  public Entity entity() {
    return entity;
  }

  public RuleSettings settings() {
    return settings;
  }

  public EligibleProfessions professions() {
    return professions;
  }

  /** The moment "active" is judged at. */
  public Instant now() {
    return now;
  }

  /** Same individual, as domain.md §2 defines it, read through this context's record. */
  public Individuals individuals() {
    return new Individuals(record);
  }

  /** Reports a finding at the rule's severity for this entity. */
  public void report(String messageKey, String expression, Object... arguments) {
    add(severity, messageKey, expression, arguments);
  }

  /**
   * Reports a finding that is never more than a warning, for the parts of a rule the catalogue
   * makes advisory (e.g. a late review date in IFP-CM-03).
   */
  public void warn(String messageKey, String expression, Object... arguments) {
    add(severity.atMost(Severity.WARNING), messageKey, expression, arguments);
  }

  private void add(Severity at, String messageKey, String expression, Object... arguments) {
    if (at == Severity.OFF) {
      return;
    }
    findings.add(new Finding(rule, rule.message(messageKey), Arrays.asList(arguments), expression,
        References.of(focus), entity, at));
  }
}
