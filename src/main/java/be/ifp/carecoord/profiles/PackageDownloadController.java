package be.ifp.carecoord.profiles;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ig/package.tgz}: the FHIR package this server enforces, for offline validation. */
@RestController
class PackageDownloadController {

  private final IfpPackage ifpPackage;

  PackageDownloadController(IfpPackage ifpPackage) {
    this.ifpPackage = ifpPackage;
  }

  @GetMapping("/ig/package.tgz")
  ResponseEntity<byte[]> download() {
    String fileName = PackageManifest.PACKAGE_ID + "-" + ifpPackage.version() + ".tgz";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/gzip"))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(ifpPackage.bytes());
  }
}
