package be.ifp.carecoord.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * One rule of the IFP catalogue (rules.md): its id, name, what it checks, its default severity
 * per entity, its source in the policy texts, and its messages in every language. Subclasses
 * implement {@link #check}; they hold no state, so one instance serves every request.
 *
 * <p>A rule looks at one <em>focus</em> resource at a time ({@link #focusTypes()}) and reads
 * everything else through {@link RuleContext#record()}. When it also depends on resources of
 * other types ({@link #recheckedOn()}), a change to one of those re-checks the person's focus
 * resources: revoking a Consent re-checks the person's teams for the coordinator agreement.
 */
public abstract class Rule {

  /** Focus type for rules that look at any resource (the identifier checks). */
  public static final String ANY_TYPE = "*";

  private final String id;
  private final String name;
  private final String check;
  private final Severities severities;
  private final String source;
  private final Map<String, Message> messages = new LinkedHashMap<>();

  protected Rule(
      String id, String name, String check, Severities severities, String source,
      List<Message> messages) {
    this.id = id;
    this.name = name;
    this.check = check;
    this.severities = severities;
    this.source = source;
    for (Message message : messages) {
      if (!message.isComplete()) {
        throw new IllegalStateException(id + ": message '" + message.key() + "' lacks a language");
      }
      this.messages.put(message.key(), message);
    }
  }

  /** The code in CodeSystem ifp-rule, e.g. {@code IFP-TM-04}. */
  public final String id() {
    return id;
  }

  /** The short name, e.g. {@code one-coordinator-per-person}. */
  public final String name() {
    return name;
  }

  /** What the rule checks, in English, as the catalogue says it. */
  public final String check() {
    return check;
  }

  public final Severities defaultSeverities() {
    return severities;
  }

  /** Where the rule comes from in the seed texts, e.g. {@code 001 L1349–1351}. */
  public final String source() {
    return source;
  }

  public final Message message(String key) {
    Message message = messages.get(key);
    if (message == null) {
      throw new IllegalArgumentException(id + " has no message '" + key + "'");
    }
    return message;
  }

  public final List<Message> messages() {
    return List.copyOf(messages.values());
  }

  /**
   * Whether the rule must hold under concurrent writes (⚑ in the catalogue): the engine then
   * locks the person in the database before the rule reads.
   */
  public boolean isCardinalityRule() {
    return false;
  }

  /** The resource types the rule checks, or {@link #ANY_TYPE}. */
  public abstract Set<String> focusTypes();

  /** Other resource types whose change can break this rule for the person's focus resources. */
  public Set<String> recheckedOn() {
    return Set.of();
  }

  /** Checks one focus resource and reports what it finds through {@code context}. */
  public abstract void check(Resource focus, RuleContext context);

  public final boolean appliesTo(String resourceType) {
    Set<String> types = focusTypes();
    return types.contains(ANY_TYPE) || types.contains(resourceType);
  }

  @Override
  public String toString() {
    return id + " " + name;
  }
}
