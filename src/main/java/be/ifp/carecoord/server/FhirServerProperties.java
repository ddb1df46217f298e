package be.ifp.carecoord.server;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the FHIR REST server and its storage ({@code ifp.server.*}).
 *
 * @param dataDir folder for local data: the embedded H2 database lives in {@code <data-dir>/h2}.
 *     Relative paths are resolved against the working directory.
 * @param publicBaseUrl the FHIR base URL as clients reach it (e.g. behind a reverse proxy,
 *     {@code https://fhir.example.be/fhir}). Empty: derived from each incoming request.
 * @param defaultPageSize number of resources in a search page when the client gives no
 *     {@code _count}.
 * @param maxPageSize largest {@code _count} a client may ask for; larger values are capped.
 * @param lockTimeout embedded H2 only: how long a write waits for another write of the same
 *     person or conditional URL before it is answered 409 (retry); PostgreSQL detects deadlocks
 *     itself.
 * @param reuseSearchResultsFor how long HAPI may answer a search with the stored results of the
 *     same search made earlier, instead of running it again. Zero: never, so every search sees
 *     every write committed before it (a platform pulling {@code _lastUpdated=gt…} twice within
 *     the window would otherwise miss what was written in between).
 * @param checkCurrentSchema whether Hibernate compares the database schema with HAPI's tables on
 *     every start ({@code true}), or only on the first start of each server version on that
 *     database ({@code false}, the default): the comparison reads the whole catalogue and slows
 *     every restart, though only a new version can change the tables.
 */
@Validated
@ConfigurationProperties("ifp.server")
public record FhirServerProperties(
    @NotNull @DefaultValue("./data") Path dataDir,
    @DefaultValue("") String publicBaseUrl,
    @Min(1) @DefaultValue("20") int defaultPageSize,
    @Min(1) @DefaultValue("200") int maxPageSize,
    @NotNull @DefaultValue("10s") Duration lockTimeout,
    @NotNull @DefaultValue("0s") Duration reuseSearchResultsFor,
    @DefaultValue("false") boolean checkCurrentSchema) {

  /** {@link #reuseSearchResultsFor} in HAPI's terms: milliseconds, {@code null} for never. */
  Long reuseSearchResultsMillisOrNull() {
    return reuseSearchResultsFor.isZero() || reuseSearchResultsFor.isNegative() ? null : reuseSearchResultsFor.toMillis();
  }

  /** The public base URL, or {@code null} when it is derived from requests. */
  String publicBaseUrlOrNull() {
    return publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip();
  }
}
