package be.ifp.carecoord.rules;

import java.util.EnumMap;
import java.util.Map;

/**
 * One message a rule can report, in every {@link Language}. Placeholders are {@code {0}},
 * {@code {1}}, … and are replaced as plain text (no {@link java.text.MessageFormat} quoting, so
 * that French apostrophes need no escaping).
 */
public final class Message {

  private final String key;
  private final Map<Language, String> templates = new EnumMap<>(Language.class);

  private Message(String key) {
    this.key = key;
  }

  /** Starts a message; add the four languages with {@link #en}, {@link #nl}, {@link #fr}, {@link #de}. */
  public static Message key(String key) {
    return new Message(key);
  }

  public Message en(String template) {
    return with(Language.EN, template);
  }

  public Message nl(String template) {
    return with(Language.NL, template);
  }

  public Message fr(String template) {
    return with(Language.FR, template);
  }

  public Message de(String template) {
    return with(Language.DE, template);
  }

  public String key() {
    return key;
  }

  public String template(Language language) {
    return templates.get(language);
  }

  /** Whether every language has a template. */
  public boolean isComplete() {
    return templates.size() == Language.values().length;
  }

  public String format(Language language, Object... arguments) {
    String text = templates.get(language);
    for (int i = 0; i < arguments.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
    }
    return text;
  }

  private Message with(Language language, String template) {
    templates.put(language, template);
    return this;
  }
}
