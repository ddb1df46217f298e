package be.ifp.carecoord.profiles;

import be.ifp.carecoord.rules.Language;
import ca.uhn.fhir.rest.api.Constants;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The HL7 validator's message templates of one language ({@code Messages*.properties} in
 * org.hl7.fhir.utilities, read as files, without the fallback to English of a ResourceBundle),
 * to tell which language a validator message is in by comparing it with the template of its
 * message id rather than with words guessed in a test.
 */
final class Hl7Messages {

  /** The minimum-cardinality error, as {@code ig/examples/invalid/Patient-no-birth-date.json} gets it. */
  static final String MINIMUM_CARDINALITY = "Validation_VAL_Profile_Minimum";

  private static final Set<String> PLURAL_FORMS = Set.of("zero", "one", "two", "few", "many", "other");
  private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[^}]*}");

  private final Properties templates = new Properties();

  private Hl7Messages(String file) {
    try (InputStream in = Objects.requireNonNull(
        Hl7Messages.class.getClassLoader().getResourceAsStream(file), file)) {
      templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** English is the base bundle; the others are {@code Messages_<tag>.properties}. */
  static Hl7Messages of(Language language) {
    return new Hl7Messages(language == Language.EN ? "Messages.properties"
        : "Messages_" + language.tag() + ".properties");
  }

  /** Whether the text is this bundle's wording of the message, in any plural form, whatever its arguments. */
  boolean words(String messageId, String text) {
    return templatesOf(messageId).anyMatch(template -> pattern(template).matcher(text).matches());
  }

  /** Whether this bundle has the message at all (a language the validator lacks has none). */
  boolean has(String messageId) {
    return templatesOf(messageId).findAny().isPresent();
  }

  private Stream<String> templatesOf(String messageId) {
    return templates.stringPropertyNames().stream()
        .filter(key -> key.equals(messageId) || key.startsWith(messageId + "_")
            && PLURAL_FORMS.contains(key.substring(messageId.length() + 1)))
        .map(templates::getProperty)
        .filter(template -> !template.isBlank());
  }

  /** A MessageFormat template as a pattern: the arguments match anything, the rest literally. */
  private static Pattern pattern(String template) {
    String literal = template.strip().replace("''", "'");
    return Pattern.compile(Arrays.stream(ARGUMENT.split(literal, -1))
        .map(Pattern::quote)
        .collect(Collectors.joining(".*")), Pattern.DOTALL);
  }

  /** The text of the first issue an OperationOutcome carries for a validator message id. */
  static Optional<String> messageIn(OperationOutcome outcome, String messageId) {
    return outcome.getIssue().stream()
        .filter(issue -> issue.getDetails().getCoding().stream().anyMatch(coding ->
            Constants.JAVA_VALIDATOR_DETAILS_SYSTEM.equals(coding.getSystem())
                && messageId.equals(coding.getCode())))
        .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
        .findFirst();
  }
}
