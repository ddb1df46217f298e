package be.ifp.carecoord.rules.casemanagement;

import static be.ifp.carecoord.rules.RuleHarness.example;

import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;

/** Maria's case-management data and the IFP-CM example files, for the tests of this package. */
final class CaseManagementFixtures {

  static final String EPISODE = "EpisodeOfCare/case-management-with-interim-coordination";
  static final String CONSENT = "Consent/case-management-consent-by-maria";
  static final String MARIA = "Patient/maria";

  private CaseManagementFixtures() {}

  /** Maria's valid case-management episode (Flanders, active since 2026-09-01). */
  static EpisodeOfCare mariasEpisode() {
    return example("EpisodeOfCare-case-management-with-interim-coordination");
  }

  /** Maria's valid consent to case management (2026-08-28). */
  static Consent mariasConsent() {
    return example("Consent-case-management-consent-by-maria");
  }

  /** The episode with its {@code ifp-entity} set to another entity. */
  static EpisodeOfCare inEntity(EpisodeOfCare episode, Entity entity) {
    for (Extension extension : episode.getExtension()) {
      if (IfpData.ENTITY.equals(extension.getUrl())) {
        ((Coding) extension.getValue()).setCode(entity.name()).setDisplay(null);
      }
    }
    return episode;
  }

  /** Removes the episode's extensions with this URL. */
  static EpisodeOfCare without(EpisodeOfCare episode, String url) {
    episode.getExtension().removeIf(extension -> url.equals(extension.getUrl()));
    return episode;
  }

  /** A file of {@code ig/examples/invalid} by name without {@code .json}. */
  static <T extends Resource> T invalidExample(String name) {
    return parse(Path.of("ig/examples/invalid", name + ".json"));
  }

  /** A file of {@code ig/examples/warning} by name without {@code .json}. */
  static <T extends Resource> T warningExample(String name) {
    return parse(Path.of("ig/examples/warning", name + ".json"));
  }

  /**
   * The findings of {@code rule} on a transaction Bundle written over the valid examples: every
   * entry but {@code entry} is stored first (new resources under their {@code urn:uuid:} fullUrl,
   * as a transaction's placeholders), then entry {@code entry} is written.
   */
  static List<Finding> writeEntry(RuleHarness harness, Rule rule, Bundle bundle, int entry) {
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Resource resource = entries.get(i).getResource();
      if (!resource.getIdElement().hasIdPart() && entries.get(i).hasFullUrl()) {
        resource.setId(entries.get(i).getFullUrl());
      }
      if (i != entry) {
        harness.store(resource);
      }
    }
    return harness.write(rule, entries.get(entry).getResource());
  }

  /** A finding's expression as the README gives it for Bundle entry {@code entry}. */
  static String inBundle(int entry, Finding finding) {
    String expression = finding.expression();
    int dot = expression.indexOf('.');
    return "Bundle.entry[" + entry + "].resource" + (dot < 0 ? "" : expression.substring(dot));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Resource> T parse(Path file) {
    try {
      return (T) RuleHarness.FHIR.newJsonParser().parseResource(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
