package be.ifp.carecoord.rules;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Runs rules without a server, over the valid examples of {@code ig/examples} held in memory:
 * the fixture every rule's unit test starts from. Checks happen at a fixed moment
 * (2026-11-23T12:00:00Z unless {@link #at} says otherwise).
 */
public final class RuleHarness {

  public static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Path EXAMPLES = Path.of("ig/examples");
  private static final Path PROFILES = Path.of("profiles");
  private static final EligibleProfessions PROFESSIONS = loadProfessions();

  private final InMemoryCareRecord record;
  private RuleSettings settings = RuleSettings.defaults();
  private Instant now = Instant.parse("2026-11-23T12:00:00Z");

  private RuleHarness(List<Resource> stored) {
    this.record = new InMemoryCareRecord(stored);
  }

  /** A record holding every valid example (Maria's file). */
  public static RuleHarness withExamples() {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<Resource> resources = new ArrayList<>();
      files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().startsWith("Bundle-"))
          .sorted()
          .forEach(f -> resources.add(parse(f)));
      return new RuleHarness(resources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record holding only these resources. */
  public static RuleHarness with(Resource... stored) {
    return new RuleHarness(List.of(stored));
  }

  /** A valid example by file name without {@code .json}, e.g. {@code "Patient-maria"}; a fresh copy each call. */
  @SuppressWarnings("unchecked")
  public static <T extends Resource> T example(String name) {
    return (T) parse(EXAMPLES.resolve(name + ".json"));
  }

  public RuleHarness settings(RuleSettings settings) {
    this.settings = settings;
    return this;
  }

  public RuleHarness at(String instant) {
    this.now = Instant.parse(instant);
    return this;
  }

  /** Puts a resource into the stored record (replacing one with the same id). */
  public RuleHarness store(Resource resource) {
    record.put(resource);
    return this;
  }

  public RuleHarness remove(String reference) {
    record.remove(reference);
    return this;
  }

  /** The findings of {@code rule} when {@code resource} is written over the record. */
  public List<Finding> write(Rule rule, Resource resource) {
    return engine(rule).checkWrite(resource, PendingChangesCareRecord.over(record, List.of(resource)));
  }

  /** The findings of {@code rule} when the stored {@code resource} is deleted. */
  public List<Finding> delete(Rule rule, Resource resource) {
    record.remove(References.of(resource));
    return engine(rule).checkDelete(resource, record);
  }

  /** The message keys of the findings, for compact assertions. */
  public static List<String> keys(List<Finding> findings) {
    return findings.stream().map(f -> f.message().key()).toList();
  }

  private RuleEngine engine(Rule rule) {
    return new RuleEngine(List.of(rule), settings, PROFESSIONS, Clock.fixed(now, ZoneId.of("UTC")));
  }

  public static EligibleProfessions professions() {
    return PROFESSIONS;
  }

  private static EligibleProfessions loadProfessions() {
    return EligibleProfessions.of(
        (ValueSet) parse(PROFILES.resolve("ValueSet-ifp-health-professions.json")),
        (ValueSet) parse(PROFILES.resolve("ValueSet-ifp-welfare-professions.json")),
        List.of((CodeSystem) parse(PROFILES.resolve("CodeSystem-ifp-welfare-profession.json"))));
  }

  private static Resource parse(Path file) {
    try {
      return (Resource) FHIR.newJsonParser().parseResource(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
