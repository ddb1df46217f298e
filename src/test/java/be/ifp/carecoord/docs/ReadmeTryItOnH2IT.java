package be.ifp.carecoord.docs;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.H2ServerTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Try it" does what it says: the first Patient it posts is stored (201) and found
 * by the search it shows, the second is refused with 422 and an OperationOutcome, and nothing of it
 * is stored. The bodies are read from the README itself, so the page cannot drift from the server.
 */
class ReadmeTryItOnH2IT extends H2ServerTest {

  private static final Pattern POSTED = Pattern.compile("-d '(\\{\"resourceType\":\"Patient\".*?\\})'");

  @Test
  void theFirstExample_isStoredAndFound_theSecondIsRefused() throws IOException {
    List<String> bodies = postedPatients();
    assertThat(bodies).hasSize(2);

    String refusedCount = http().get("/fhir/Patient?family=Peeters&_summary=count", "Cache-Control", "no-cache").body();
    HttpResponse<String> stored = http().post("/fhir/Patient", FhirHttp.FHIR_JSON, bodies.get(0));
    HttpResponse<String> refused = http().post("/fhir/Patient", FhirHttp.FHIR_JSON, bodies.get(1));

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(http().get("/fhir/Patient?family=Janssens").body()).contains("Janssens");
    FhirHttp.assertOutcome(refused, 422);
    assertThat(refused.body()).contains("birthDate");
    assertThat(totalOf(http().get("/fhir/Patient?family=Peeters&_summary=count", "Cache-Control", "no-cache").body()))
        .isEqualTo(totalOf(refusedCount));
  }

  private static String totalOf(String bundle) {
    Matcher total = Pattern.compile("\"total\":\\s*(\\d+)").matcher(bundle);
    assertThat(total.find()).as(bundle).isTrue();
    return total.group(1);
  }

  private static List<String> postedPatients() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String tryIt = readme.substring(readme.indexOf("Try it:"), readme.indexOf("A packaged jar"));
    List<String> bodies = new ArrayList<>();
    Matcher posted = POSTED.matcher(tryIt);
    while (posted.find()) {
      bodies.add(posted.group(1));
    }
    return bodies;
  }
}
