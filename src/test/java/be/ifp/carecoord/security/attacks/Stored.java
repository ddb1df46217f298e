package be.ifp.carecoord.security.attacks;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.FhirServerAccess;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is stored, as a caller who may see it reads it afresh (no search cache): the proof that a
 * refused attack changed nothing. A caller refused the read itself gets the same refusal before
 * and after, which compares equal too.
 */
final class Stored {

  private static final Pattern VERSION = Pattern.compile("\"versionId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

  private Stored() {}

  /** The resource's version as the platform reads it, or the status that answered instead. */
  static String version(FhirServerAccess server, String typeAndId) {
    return version(server.http(), typeAndId);
  }

  static String version(FhirHttp reader, String typeAndId) {
    HttpResponse<String> response = reader.get("/fhir/" + typeAndId, "Cache-Control", "no-cache");
    Matcher version = VERSION.matcher(response.body());
    return response.statusCode() == 200 && version.find() ? "version " + version.group(1) : "status " + response.statusCode();
  }

  /** How many resources a search finds for the platform, or -status when it is refused. */
  static int count(FhirServerAccess server, String search) {
    return count(server.http(), search);
  }

  static int count(FhirHttp reader, String search) {
    String separator = search.contains("?") ? "&" : "?";
    HttpResponse<String> response =
        reader.get("/fhir/" + search.replace("|", "%7C") + separator + "_summary=count&_total=accurate", "Cache-Control", "no-cache");
    Matcher total = TOTAL.matcher(response.body());
    return response.statusCode() == 200 && total.find() ? Integer.parseInt(total.group(1)) : -response.statusCode();
  }

  /** The resource as the platform reads it: to send back changed, or to put back. */
  static String json(FhirServerAccess server, String typeAndId) {
    return json(server.http(), typeAndId);
  }

  static String json(FhirHttp reader, String typeAndId) {
    HttpResponse<String> response = reader.get("/fhir/" + typeAndId, "Cache-Control", "no-cache");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(typeAndId + " is not readable: " + response.body());
    }
    return response.body();
  }

  /**
   * Puts a resource back as it was, if an attack that should have been refused changed or deleted
   * it: the servers are shared by every test of a run, and a wrecked conformance resource or person
   * would fail tests that have nothing to do with the hole.
   */
  static void restore(FhirServerAccess server, String typeAndId, String versionBefore, String jsonBefore) {
    if (!version(server, typeAndId).equals(versionBefore)) {
      server.http().put("/fhir/" + typeAndId, FhirHttp.FHIR_JSON, jsonBefore.replaceFirst("\"versionId\"\\s*:\\s*\"[^\"]+\",?", ""));
    }
  }
}
