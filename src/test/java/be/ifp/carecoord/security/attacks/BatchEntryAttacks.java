package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, class 3: a GET entry of a batch or transaction is authorised as the request it stands
 * for, whatever the form of its URL. P1 searching persons by SSIN, name or birth date (every
 * stored person is born on Maria's day) gets A or nothing, never a total over everyone; history
 * and {@code _has} entries are refused.
 *
 * <p>URLs name B by placeholders: {ssin}, {family}, {phone}, {patientB}, {teamRoleB}.
 */
interface BatchEntryAttacks extends AttackSupport {

  String BIRTH_DATE = "1941-03-12";

  private String url(String template) {
    return template
        .replace("{ssin}", TargetPerson.SSIN_SYSTEM + "%7C" + theirs().ssin())
        .replace("{family}", theirs().family())
        .replace("{phone}", theirs().phone().replace(" ", "%20"))
        .replace("{patientB}", theirs().id(PATIENT))
        .replace("{teamRoleB}", theirs().id(TEAM_ROLE));
  }

  private Bundle.BundleEntryComponent onlyEntry(Bundle.BundleType type, String url) {
    Bundle request = new Bundle().setType(type);
    request.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(url);
    HttpResponse<String> answer = p1().post("/fhir", FHIR_JSON, AttackSupport.json(request));
    theirs().assertNothingOfHersIn(answer);
    if (answer.statusCode() == 403 || answer.statusCode() == 400) {
      // The whole bundle refused (400: HAPI cannot even parse the entry): as good as its entry.
      assertRefused(answer, answer.statusCode());
      return null;
    }
    Bundle response = AttackSupport.bundle(answer);
    assertThat(response.getEntry()).hasSize(1);
    return response.getEntry().get(0);
  }

  /**
   * How many of A's Patient the search matches (0 or 1), as the platform finds by the same search
   * restricted to her: what a search narrowed to A may count.
   */
  private int matchesOfA(String url) {
    String search = url.replaceFirst("^/", "").replaceFirst("^Patient/(_search)?\\?", "Patient?")
        .replace("&_summary=count", "").replace("&_total=accurate", "");
    return Stored.count(this, search + "&_id=" + ours().idPart(PATIENT));
  }

  /** The entry is refused, or its search was narrowed to A: at most A, counted alone. */
  private void assertRefusedOrOnlyA(Bundle.BundleType type, String template) {
    Bundle.BundleEntryComponent entry = onlyEntry(type, url(template));
    if (entry == null || entry.getResponse().getStatus().startsWith("403")) {
      return;
    }
    assertThat(entry.getResponse().getStatus()).as(template).startsWith("200");
    Bundle found = (Bundle) entry.getResource();
    assertThat(found.getTotal()).as("total of " + template).isLessThanOrEqualTo(matchesOfA(url(template)));
    assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .as(template).allMatch(id -> id.equals(ours().id(PATIENT)));
  }

  private void assertEntryRefused(Bundle.BundleType type, String template) {
    Bundle.BundleEntryComponent entry = onlyEntry(type, url(template));
    if (entry == null) {
      return;
    }
    // HAPI runs no search across types inside a bundle, for anyone: such an entry is a 400.
    String refusal = template.startsWith("?") ? "400" : "403";
    assertThat(entry.getResponse().getStatus()).as(template).startsWith(refusal);
    Resource outcome = entry.getResponse().getOutcome() != null ? entry.getResponse().getOutcome() : entry.getResource();
    assertThat(outcome).as("outcome of " + template).isInstanceOf(OperationOutcome.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Patient/?identifier={ssin}", "Patient?identifier={ssin}", "/Patient?identifier={ssin}",
      "Patient/_search?identifier={ssin}", "Patient/?identifier={ssin}&_summary=count",
      "Patient/?birthdate=" + BIRTH_DATE + "&_summary=count", "Patient?birthdate=" + BIRTH_DATE + "&_total=accurate",
      "/Patient?birthdate=" + BIRTH_DATE + "&_summary=count", "Patient/_search?birthdate=" + BIRTH_DATE + "&_summary=count",
      "Patient/?family={family}", "/Patient?name={family}&_total=accurate", "Patient?phone={phone}"})
  default void batchSearchEntries_inEveryUrlForm_reachOnlyTheirPersons(String template) {
    assertRefusedOrOnlyA(Bundle.BundleType.BATCH, template);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Patient/?birthdate=" + BIRTH_DATE + "&_summary=count", "Patient/_search?identifier={ssin}",
      "/Patient?family={family}"})
  default void transactionSearchEntries_reachOnlyTheirPersons(String template) {
    assertRefusedOrOnlyA(Bundle.BundleType.TRANSACTION, template);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CarePlan/_history", "/CarePlan/_history", "CarePlan/_history?_count=200", "_history", "/_history",
      "Patient/_history?_summary=count",
      "Patient?_has:CareTeam:subject:participant={teamRoleB}", "Patient/?_has:CareTeam:subject:participant={teamRoleB}",
      "/Patient?_has:CarePlan:subject:_id=x&_summary=count", "?_type=Patient&birthdate=" + BIRTH_DATE,
      "Observation?subject.name={family}", "Goal/?subject:Patient.identifier={ssin}"})
  default void batchHistoryHasAndChainEntries_areRefused(String template) {
    assertEntryRefused(Bundle.BundleType.BATCH, template);
  }

  @Test
  default void batchEntries_aboutTheirOwnPerson_areAnswered() {
    Bundle.BundleEntryComponent entry = onlyEntry(Bundle.BundleType.BATCH, "CarePlan?subject=" + ours().id(PATIENT));

    assertThat(entry).isNotNull();
    assertThat(entry.getResponse().getStatus()).startsWith("200");
    assertThat(((Bundle) entry.getResource()).getEntry())
        .extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .contains(ours().id(CARE_PLAN));
  }
}
