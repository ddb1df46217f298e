package be.ifp.carecoord.profiles;

import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the package's conformance resources in the server, from the built-in bytes (never from
 * a registry), so that they are readable and searchable over REST ({@code
 * StructureDefinition?url=...}) and its SearchParameters are active. Runs before the server
 * reports ready; an already installed version is left as it is.
 */
@Component
class PackageInstallation {

  private static final Logger log = LoggerFactory.getLogger(PackageInstallation.class);

  private final IPackageInstallerSvc installer;
  private final IfpPackage ifpPackage;
  private final String version;

  PackageInstallation(IPackageInstallerSvc installer, IfpPackage ifpPackage) {
    this.installer = installer;
    this.ifpPackage = ifpPackage;
    this.version = ifpPackage.version();
  }

  @EventListener
  @Order(0)
  void install(ApplicationReadyEvent ready) {
    PackageInstallationSpec spec = new PackageInstallationSpec()
        .setName(PackageManifest.PACKAGE_ID)
        .setVersion(version)
        .setPackageContents(ifpPackage.bytes())
        .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
        .setFetchDependencies(false);
    spec.setReloadExisting(false);
    PackageInstallOutcomeJson outcome = installer.install(spec);
    log.info("IFP package {}#{} installed: {}", PackageManifest.PACKAGE_ID, version,
        outcome.getResourcesInstalled());
  }
}
