package be.ifp.carecoord.rules;

import java.util.List;

/**
 * What one rule found on one resource, at the severity that applies to it.
 *
 * @param rule the rule
 * @param message the message, with its arguments
 * @param arguments the values for the message's placeholders
 * @param expression FHIRPath of the offending element inside {@code resource}
 * @param resource the resource the finding is about ({@code Type/id}, or its type when it has no
 *     id yet)
 * @param entity the federated entity whose severity applied
 * @param severity error or warning (findings that are off are never made)
 */
public record Finding(
    Rule rule,
    Message message,
    List<Object> arguments,
    String expression,
    String resource,
    Entity entity,
    Severity severity) {

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String text(Language language) {
    return message.format(language, arguments.toArray());
  }
}
