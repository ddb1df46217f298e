package be.ifp.carecoord.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code be.ifp.carecoord} package as built into the server ({@code ig/be.ifp.carecoord.tgz}
 * on the class path): its bytes, for download and installation, and its conformance resources.
 * Read once at start-up; never downloaded.
 */
@Component
public class IfpPackage {

  static final String CLASSPATH_LOCATION = "ig/" + PackageManifest.PACKAGE_ID + ".tgz";
  /** National code systems restated for validation; not part of our package. */
  static final String EXTERNAL_TERMINOLOGY = "ig/external/CodeSystem-cd-hcparty.json";

  private final byte[] bytes;
  private final List<Resource> conformanceResources;
  private final List<Resource> externalTerminology;
  private final String version;

  IfpPackage(FhirContext fhirContext) {
    try (InputStream in = new ClassPathResource(CLASSPATH_LOCATION).getInputStream()) {
      this.bytes = in.readAllBytes();
      this.conformanceResources = readConformanceResources(fhirContext, bytes);
      this.version = conformanceResources.stream()
          .filter(ImplementationGuide.class::isInstance)
          .map(r -> ((ImplementationGuide) r).getVersion())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("package without ImplementationGuide"));
    } catch (IOException e) {
      throw new UncheckedIOException("The IFP package " + CLASSPATH_LOCATION
          + " is missing from the class path: build with Maven (process-classes)", e);
    }
    try (InputStream in = new ClassPathResource(EXTERNAL_TERMINOLOGY).getInputStream()) {
      this.externalTerminology = List.of((Resource) fhirContext.newJsonParser().parseResource(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package version, from its ImplementationGuide. */
  public String version() {
    return version;
  }

  /** The .tgz exactly as built. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Profiles, extensions, code systems, value sets, naming systems, search parameters. */
  public List<Resource> conformanceResources() {
    return conformanceResources;
  }

  /** National code systems the profiles bind to (CD-HCPARTY). */
  public List<Resource> externalTerminology() {
    return externalTerminology;
  }

  private static List<Resource> readConformanceResources(FhirContext fhirContext, byte[] tgz)
      throws IOException {
    List<Resource> resources = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        boolean resourceFile = name.startsWith("package/") && name.indexOf('/', "package/".length()) < 0
            && name.endsWith(".json") && !name.endsWith("package.json") && !name.endsWith(".index.json");
        if (resourceFile) {
          String json = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
          resources.add((Resource) fhirContext.newJsonParser().parseResource(json));
        }
      }
    }
    return List.copyOf(resources);
  }
}
