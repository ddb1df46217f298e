package be.ifp.carecoord.sync;

import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import be.ifp.carecoord.support.PersonFiles;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * A care-plan platform as the server sees it: it keeps its own copy of every record it syncs,
 * keyed by business identifier (never by the server's id), sends whole person files as
 * transactions, edits with {@code If-Match} and merges on 412, and pulls what changed since its
 * last sync. Plain FHIR REST over HTTP, nothing a vendor could not do with curl
 * (docs/sync-client.md shows the same requests).
 */
final class Platform {

  private final FhirHttp server;
  private final PersonFiles files;
  /** The platform's copy: each record, with the server's id and version, by {@code system|value}. */
  private final Map<String, Resource> copy = new ConcurrentHashMap<>();

  Platform(FhirHttp server, PersonFiles files) {
    this.server = server;
    this.files = files;
  }

  PersonFiles files() {
    return files;
  }

  /**
   * Sends person {@code n}'s file as one transaction and keeps what the server stored (asked for
   * with {@code Prefer: return=representation}: ids, versions, resolved references) as its copy.
   */
  Bundle send(int n) {
    HttpResponse<String> answer = server.post("/fhir", FHIR_JSON, json(files.personFile(n)),
        "Prefer", "return=representation");
    assertThat(answer.statusCode()).as("person file %s: %s", n, answer.body()).isEqualTo(200);
    Bundle response = parse(answer.body(), Bundle.class);
    response.getEntry().forEach(entry -> remember(entry.getResource()));
    return response;
  }

  /** The platform's copy of a record. */
  Resource record(Identifier identifier) {
    return copy.get(key(identifier));
  }

  /**
   * Changes a record on the server from the platform's copy, with {@code If-Match} of the version
   * the copy has. If someone else changed it meanwhile (412), re-reads it, makes the same change
   * to the server's version (so both changes stay) and sends it again with the new version.
   * Returns the status of each attempt.
   */
  List<Integer> edit(Identifier identifier, Consumer<Resource> change) {
    List<Integer> statuses = new ArrayList<>();
    Resource record = record(identifier).copy();
    for (int attempt = 0; attempt < 2; attempt++) {
      change.accept(record);
      HttpResponse<String> answer = server.put(path(record), FHIR_JSON, json(record),
          "If-Match", "W/\"" + record.getIdElement().getVersionIdPart() + "\"");
      statuses.add(answer.statusCode());
      if (answer.statusCode() == 200) {
        remember(parse(answer.body(), Resource.class));
        break;
      }
      FhirHttp.assertOutcome(answer, 412);
      HttpResponse<String> current = server.get(path(record));
      assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
      record = parse(current.body(), Resource.class);
    }
    return statuses;
  }

  /** Keeps the server's answer as the platform's copy. */
  void remember(Resource stored) {
    copy.put(key(stored), stored);
  }

  /** One incremental pull while nobody else writes: see {@link #pull(String, Runnable)}. */
  Pull pull(String query) {
    return pull(query, () -> { });
  }

  /**
   * One incremental pull: a search or history URL below {@code /fhir}, every page followed
   * through its {@code next} link; {@code betweenPages} runs after each page but the last
   * (what other clients write while the platform pages).
   */
  Pull pull(String query, Runnable betweenPages) {
    List<BundleEntryComponent> entries = new ArrayList<>();
    List<Bundle> pages = new ArrayList<>();
    // A search names a token as system|value; the bar is not allowed in a URL as such.
    String next = "/fhir/" + query.replace("|", "%7C");
    while (next != null) {
      HttpResponse<String> answer = server.get(next);
      assertThat(answer.statusCode()).as("%s: %s", next, answer.body()).isEqualTo(200);
      Bundle page = parse(answer.body(), Bundle.class);
      pages.add(page);
      entries.addAll(page.getEntry());
      next = page.getLink(Bundle.LINK_NEXT) == null ? null : page.getLink(Bundle.LINK_NEXT).getUrl();
      if (next != null) {
        betweenPages.run();
      }
    }
    return new Pull(pages.get(0).getMeta().getLastUpdated().toInstant(), pages.size(), entries);
  }

  /**
   * What a pull returned.
   *
   * @param serverTime the first page's {@code Bundle.meta.lastUpdated}: when the server ran the
   *     search, so everything committed before it is in this pull; the next pull starts there
   * @param pages how many pages were followed
   * @param entries every page's entries, in order
   */
  record Pull(Instant serverTime, int pages, List<BundleEntryComponent> entries) {

    /** {@code Type/id/_history/version} of each entry; deletions from their request URL. */
    List<String> versions() {
      return entries.stream().map(Pull::version).toList();
    }

    private static String version(BundleEntryComponent entry) {
      if (entry.hasResource()) {
        return entry.getResource().getIdElement().toUnqualified().getValue();
      }
      // A deletion in a history: no resource, the deleted version in the request URL.
      return entry.getRequest().getUrl() + " " + entry.getRequest().getMethod();
    }
  }

  private static String key(Resource record) {
    List<Identifier> identifiers = PersonFiles.identifiers(record);
    // The platform's own or test identifier that names the record comes last.
    return key(identifiers.get(identifiers.size() - 1));
  }

  private static String key(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }

  private static String path(Resource record) {
    return "/fhir/" + record.fhirType() + "/" + record.getIdElement().getIdPart();
  }

  static String json(Resource resource) {
    return FhirServerAccess.FHIR.newJsonParser().encodeResourceToString(resource);
  }

  static <T extends Resource> T parse(String json, Class<T> type) {
    return type.cast(FhirServerAccess.FHIR.newJsonParser().parseResource(json));
  }
}
