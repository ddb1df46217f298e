package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.security.PersonFile;
import be.ifp.carecoord.support.FhirServerAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * A person whose data an attack aims at: Maria's file stored afresh, then given a family name,
 * SSIN and phone number of her own (every loaded file is otherwise Maria, with Maria's SSIN), so
 * that a response can be searched for anything of hers.
 */
record TargetPerson(PersonFile file, String family, String ssin, String phone) {

  static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";

  /** The types of a person's data in the access policy's table (docs/security.md): their ids must not show to an outsider. */
  private static final Set<String> PERSON_DATA = Set.of("Patient", "RelatedPerson", "CareTeam", "CarePlan", "Goal",
      "Condition", "EpisodeOfCare", "Observation", "QuestionnaireResponse", "Consent");

  /** A valid SSIN that no stored person has (serials of target persons are 100 to 997; Maria's is 084). */
  static final String NOBODYS_SSIN = ssin("410312099");

  private static final ObjectMapper JSON = new ObjectMapper();

  static TargetPerson store(FhirServerAccess server) {
    PersonFile file = PersonFile.load(server);
    String family = "Tielemans" + letters(8);
    String ssin = unusedSsin();
    String phone = "+32 9 " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    Patient patient = server.client().read().resource(Patient.class).withId(file.id(PATIENT)).execute();
    patient.getNameFirstRep().setFamily(family);
    patient.getIdentifierFirstRep().setValue(ssin);
    patient.getTelecomFirstRep().setValue(phone);
    server.client().update().resource(patient).execute();
    return new TargetPerson(file, family, ssin, phone);
  }

  String id(String fullUrl) {
    return file.id(fullUrl);
  }

  String idPart(String fullUrl) {
    return file.idPart(fullUrl);
  }

  /** {@code identifier=<ssin system>|<ssin>} as it goes in a URL ({@code |} escaped), for any SSIN. */
  static String bySsin(String ssin) {
    return "identifier=" + SSIN_SYSTEM + "%7C" + ssin;
  }

  /**
   * Asserts that nothing of hers is in the response: none of her resources' ids, not her name,
   * SSIN or phone, in the body or in a header. A Bundle's links echo the caller's own query (which
   * may hold her SSIN) and are left out of the check, and so is what the request's own URL named
   * (a refusal may repeat the id asked for: that tells the caller nothing new).
   */
  void assertNothingOfHersIn(HttpResponse<String> response) {
    String body = withoutBundleLinks(response.body());
    String headers = response.headers().map().toString();
    String asked = java.net.URLDecoder.decode(response.request().uri().toString(), java.nio.charset.StandardCharsets.UTF_8);
    for (String marker : markers()) {
      if (asked.contains(marker)) {
        continue;
      }
      assertThat(body).as("body of a %s answer names %s", response.statusCode(), marker).doesNotContain(marker);
      assertThat(headers).as("headers name %s", marker).doesNotContain(marker);
    }
  }

  private List<String> markers() {
    List<String> markers = new ArrayList<>(List.of(family, ssin, phone));
    file.ids().values().stream().map(IdType::new).filter(id -> PERSON_DATA.contains(id.getResourceType()))
        .forEach(id -> {
          markers.add(id.getResourceType() + "/" + id.getIdPart());
          markers.add("\"id\":\"" + id.getIdPart() + "\"");
        });
    return markers;
  }

  private static String withoutBundleLinks(String body) {
    try {
      JsonNode tree = JSON.readTree(body);
      removeLinks(tree);
      return tree.toString();
    } catch (Exception notJson) {
      return body;
    }
  }

  private static void removeLinks(JsonNode node) {
    if (node instanceof ObjectNode object && "Bundle".equals(object.path("resourceType").asText())) {
      object.remove("link");
    }
    node.forEach(TargetPerson::removeLinks);
  }

  private static String letters(int count) {
    StringBuilder letters = new StringBuilder();
    ThreadLocalRandom.current().ints(count, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
    return letters.toString();
  }

  /** A valid SSIN of someone born on Maria's birth date, other than Maria's own. */
  static String unusedSsin() {
    return ssin("410312" + ThreadLocalRandom.current().nextInt(100, 998));
  }

  /** The 9 digits with their check number (born before 2000). */
  private static String ssin(String first9) {
    return first9 + String.format("%02d", 97 - (int) (Long.parseLong(first9) % 97));
  }
}
