package be.ifp.carecoord.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.convertors.loaders.loaderR5.NullLoaderKnowledgeProviderR5;
import org.hl7.fhir.convertors.loaders.loaderR5.R4ToR5Loader;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.context.SimpleWorkerContext.SimpleWorkerContextBuilder;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.PackageInformation;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;

/**
 * The plain HL7 validation engine ({@code org.hl7.fhir.validation}: a {@link SimpleWorkerContext}
 * and an {@link InstanceValidator}, not HAPI's validation support chain), set up the way an
 * implementer without network access would set it up: the FHIR R4 core definitions, the {@code
 * be.ifp.carecoord} package exactly as built, and the restated CD-HCPARTY code system; no
 * terminology server, and references are not resolved (there is no server to resolve them).
 *
 * <p>packages.fhir.org is out of reach here, so {@code hl7.fhir.r4.core#4.0.1} comes from the copy
 * of the R4 definitions that HAPI ships in {@code hapi-fhir-validation-resources-r4}.
 */
final class OfflineValidator {

  static final String PACKAGE = "ig/" + PackageManifest.PACKAGE_ID + ".tgz";
  static final String CD_HCPARTY = "ig/external/CodeSystem-cd-hcparty.json";

  private static final String R4_DEFINITIONS = "org/hl7/fhir/r4/model/";
  private static final List<String> R4_BUNDLES = List.of(
      "profile/profiles-types.xml", "profile/profiles-resources.xml",
      "profile/profiles-others.xml", "extension/extension-definitions.xml",
      "valueset/valuesets.xml", "valueset/v3-codesystems.xml", "valueset/v2-tables.xml");
  private static final String R4_CORE_MANIFEST = "{\"name\": \"hl7.fhir.r4.core\","
      + " \"version\": \"4.0.1\", \"type\": \"fhir.core\", \"fhirVersions\": [\"4.0.1\"],"
      + " \"canonical\": \"http://hl7.org/fhir\"}";

  private final SimpleWorkerContext context;
  /** One validator for every resource, as the IG publisher does: building one takes a while. */
  private final InstanceValidator validator;

  private OfflineValidator(SimpleWorkerContext context) {
    this.context = context;
    this.validator =
        new InstanceValidator(context, null, null, new ValidatorSession(), new ValidatorSettings());
    validator.setPolicyAdvisor(
        new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, null));
  }

  /** Loads the three sources into a new context: some seconds, mostly reading the R4 XML. */
  static OfflineValidator load() throws IOException, UcumException {
    // the context takes its FHIR version (4.0.1) from the core package's manifest
    NpmPackage r4Core = NpmPackage.empty();
    r4Core.addFile("package", "package.json", R4_CORE_MANIFEST.getBytes(StandardCharsets.UTF_8), null);
    SimpleWorkerContext context = new SimpleWorkerContextBuilder()
        .withDefaultParams()
        .withAllowLoadingDuplicates(true) // the engine brings its own SPDX licence code system
        .fromPackage(r4Core, r4Loader(), false);
    PackageInformation r4CoreInfo = new PackageInformation(r4Core);
    for (Resource definition : r4Definitions()) {
      context.cacheResourceFromPackage(definition, r4CoreInfo);
    }
    context.setUcumService(new UcumEssenceService(open("ucum-essence.xml")));
    context.setCanRunWithoutTerminology(true);
    context.setNoTerminologyServer(true);

    context.loadFromPackage(NpmPackage.fromPackage(open(PACKAGE)), r4Loader());
    context.cacheResource(r4Loader().loadResource(open(CD_HCPARTY), true));
    context.finishLoading(false);
    return new OfflineValidator(context);
  }

  /** Every message the engine reports on a JSON resource validated against these profiles. */
  List<ValidationMessage> validate(byte[] json, List<String> profileUrls) {
    List<StructureDefinition> profiles = profileUrls.stream().map(this::profile).toList();
    List<ValidationMessage> messages = new ArrayList<>();
    validator.validate(null, messages, new ByteArrayInputStream(json), FhirFormat.JSON, profiles);
    return messages;
  }

  private StructureDefinition profile(String url) {
    StructureDefinition profile = context.fetchResource(StructureDefinition.class, url);
    if (profile == null) {
      throw new IllegalStateException(url + " is not in " + PACKAGE);
    }
    return profile;
  }

  /**
   * The R4 conformance resources (profiles, extensions, value sets, code systems...), converted to
   * R5, the engine's model. Read with HAPI's XML parser, several times faster on these 40 MB than
   * the core one, the seven files in parallel: this is most of the loading time.
   */
  private static List<Resource> r4Definitions() {
    return R4_BUNDLES.parallelStream()
        .flatMap(name -> FhirContext.forR4Cached().newXmlParser()
            .parseResource(Bundle.class, new String(read(R4_DEFINITIONS + name), StandardCharsets.UTF_8))
            .getEntry().stream())
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(MetadataResource.class::isInstance)
        .map(VersionConvertorFactory_40_50::convertResource)
        .toList();
  }

  private static R4ToR5Loader r4Loader() {
    return new R4ToR5Loader(SimpleWorkerContext.defaultTypesToLoad(),
        new NullLoaderKnowledgeProviderR5(), "4.0.1");
  }

  private static InputStream open(String classpathResource) {
    return new ByteArrayInputStream(read(classpathResource));
  }

  private static byte[] read(String classpathResource) {
    try (InputStream in = OfflineValidator.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalStateException(classpathResource + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
