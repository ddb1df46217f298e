package be.ifp.carecoord.profiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/** The two NPM metadata files of the package: {@code package.json} and {@code .index.json}. */
final class PackageManifest {

  static final String PACKAGE_ID = "be.ifp.carecoord";
  static final String CANONICAL = "https://ifp-carecoord.github.io/fhir";
  static final String R4_CORE = "hl7.fhir.r4.core";
  static final String R4_VERSION = "4.0.1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PackageManifest() {}

  static ArrayNode newArray() {
    return JSON.createArrayNode();
  }

  private static ObjectNode newObject() {
    return JSON.createObjectNode();
  }

  private static byte[] bytes(ObjectNode node) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
  }

  static byte[] packageJson(ImplementationGuide guide) throws IOException {
    ObjectNode manifest = newObject();
    manifest.put("name", PACKAGE_ID);
    manifest.put("version", guide.getVersion());
    manifest.put("type", "fhir.ig");
    manifest.put("canonical", CANONICAL);
    manifest.put("url", CANONICAL);
    manifest.put("title", guide.getTitle());
    manifest.put("description", guide.getDescription());
    manifest.putArray("fhirVersions").add(R4_VERSION);
    manifest.putObject("dependencies").put(R4_CORE, R4_VERSION);
    manifest.put("author", guide.getPublisher());
    manifest.put("license", guide.hasLicense() ? guide.getLicense().toCode() : "CC0-1.0");
    manifest.putArray("jurisdiction").add("urn:iso:std:iso:3166#BE");
    return bytes(manifest);
  }

  static byte[] index(ArrayNode files) throws IOException {
    ObjectNode index = newObject();
    index.put("index-version", 1);
    index.set("files", files);
    return bytes(index);
  }

  static ObjectNode indexEntry(String fileName, Resource resource) {
    ObjectNode entry = newObject();
    entry.put("filename", fileName);
    entry.put("resourceType", resource.fhirType());
    entry.put("id", resource.getIdElement().getIdPart());
    if (resource instanceof MetadataResource metadata) {
      putIfPresent(entry, "url", metadata.getUrl());
      putIfPresent(entry, "version", metadata.getVersion());
    }
    if (resource instanceof StructureDefinition sd) {
      entry.put("kind", sd.getKind().toCode());
      entry.put("type", sd.getType());
      putIfPresent(entry, "derivation", sd.hasDerivation() ? sd.getDerivation().toCode() : null);
    }
    if (resource instanceof CodeSystem cs && cs.hasContent()) {
      entry.put("content", cs.getContent().toCode());
    }
    return entry;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
