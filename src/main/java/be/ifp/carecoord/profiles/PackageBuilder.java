package be.ifp.carecoord.profiles;

import be.ifp.carecoord.rules.RuleCatalogue;
import be.ifp.carecoord.rules.RuleCatalogueCodeSystem;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Build-time tool (run by Maven in {@code process-classes}): turns the conformance sources in
 * {@code profiles/} and the valid examples in {@code ig/examples/} into the FHIR NPM package
 * {@code be.ifp.carecoord}: snapshots generated from the base R4 definitions shipped with HAPI
 * (no network), {@code package/package.json}, {@code package/.index.json}, one file per
 * resource, examples under {@code package/example/}, written as a {@code .tgz}.
 *
 * <p>Arguments: profiles folder, ig folder, output .tgz.
 */
public final class PackageBuilder {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final Path profilesDir;
  private final Path igDir;

  PackageBuilder(Path profilesDir, Path igDir) {
    this.profilesDir = profilesDir;
    this.igDir = igDir;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: PackageBuilder <profiles dir> <ig dir> <out.tgz>");
    }
    Path out = Path.of(args[2]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream stream = Files.newOutputStream(out)) {
      new PackageBuilder(Path.of(args[0]), Path.of(args[1])).writeTgz(stream);
    }
    System.out.println("[ifp-carecoord] FHIR package written to " + out);
  }

  /** Writes the whole package as a gzipped tar. */
  void writeTgz(OutputStream out) throws IOException {
    ImplementationGuide guide = FHIR.newJsonParser().parseResource(ImplementationGuide.class,
        Files.readString(igDir.resolve("ImplementationGuide-" + PackageManifest.PACKAGE_ID + ".json")));
    List<Resource> conformance = withSnapshots(readAll(profilesDir));
    // The rule catalogue is written by the rule classes themselves, not by hand.
    conformance.add(RuleCatalogueCodeSystem.of(
        RuleCatalogue.all(), guide.getVersion(), guide.getDateElement().getValueAsString()));
    List<Resource> examples = readAll(igDir.resolve("examples"));

    IParser json = FHIR.newJsonParser();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("package/package.json", PackageManifest.packageJson(guide));
    ArrayNode index = PackageManifest.newArray();
    for (Resource resource : conformance) {
      String name = fileName(resource);
      files.put("package/" + name, json.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8));
      index.add(PackageManifest.indexEntry(name, resource));
    }
    files.put("package/" + fileName(guide), json.encodeResourceToString(guide).getBytes(StandardCharsets.UTF_8));
    index.add(PackageManifest.indexEntry(fileName(guide), guide));
    ArrayNode exampleIndex = PackageManifest.newArray();
    for (Resource example : examples) {
      String name = fileName(example);
      files.put("package/example/" + name, json.encodeResourceToString(example).getBytes(StandardCharsets.UTF_8));
      exampleIndex.add(PackageManifest.indexEntry(name, example));
    }
    files.put("package/.index.json", PackageManifest.index(index));
    files.put("package/example/.index.json", PackageManifest.index(exampleIndex));

    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        // A fixed time keeps the archive identical from build to build.
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
  }

  /** Reads every {@code *.json} resource directly in {@code dir}, sorted by file name. */
  static List<Resource> readAll(Path dir) throws IOException {
    List<Resource> resources = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        resources.add((Resource) FHIR.newJsonParser().parseResource(Files.readString(file)));
      }
    }
    return resources;
  }

  /**
   * Generates the snapshot of every StructureDefinition, base profiles first, against the R4
   * base definitions and the package's own resources.
   */
  static List<Resource> withSnapshots(List<Resource> resources) {
    PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(FHIR);
    resources.forEach(own::addResource);
    ValidationSupportChain chain = StandaloneValidationChain.of(FHIR, own);
    Map<String, StructureDefinition> byUrl = new LinkedHashMap<>();
    resources.stream().filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast).forEach(sd -> byUrl.put(sd.getUrl(), sd));

    List<Resource> result = new ArrayList<>();
    for (Resource resource : resources) {
      if (!(resource instanceof StructureDefinition)) {
        result.add(resource);
      }
    }
    List<StructureDefinition> ordered = new ArrayList<>(byUrl.values());
    ordered.sort(Comparator.comparingInt(sd -> depth(sd, byUrl)));
    for (StructureDefinition sd : ordered) {
      StructureDefinition withSnapshot = (StructureDefinition) chain.generateSnapshot(
          new ValidationSupportContext(chain), sd, sd.getUrl(), sd.getUrl(), sd.getName());
      if (withSnapshot == null || !withSnapshot.hasSnapshot()) {
        throw new IllegalStateException("No snapshot could be generated for " + sd.getUrl());
      }
      own.addStructureDefinition(withSnapshot);
      chain.invalidateCaches();
      result.add(withSnapshot);
    }
    return result;
  }

  /** How many of our own profiles stand between this one and the R4 base. */
  private static int depth(StructureDefinition sd, Map<String, StructureDefinition> own) {
    StructureDefinition base = own.get(sd.getBaseDefinition());
    return base == null ? 0 : 1 + depth(base, own);
  }

  static String fileName(IBaseResource resource) {
    return resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
  }
}
