package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.GOAL;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.support.FhirHttp.FHIR_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, class 12: by id, another person's resource and a missing one answer alike for every
 * interaction (read, vread, update, patch, delete, history): the same status (404), the same
 * OperationOutcome once the ids are made equal, the same headers, no HAPI message code. A PUT to
 * an id that does not exist creates nothing for a user.
 */
interface ExistenceOracleAttacks extends AttackSupport {

  /** Headers that differ between any two answers. */
  Set<String> VOLATILE_HEADERS = Set.of("date", "content-length", "x-request-id", "keep-alive", "connection");

  private List<String> targets() {
    return List.of(theirs().id(PATIENT), theirs().id(CARE_PLAN), theirs().id(GOAL));
  }

  /** Sends the interaction to B's resource and to a missing one of the same type, and compares. */
  private void assertAlike(BiFunction<String, String, HttpResponse<String>> interaction) {
    for (String target : targets()) {
      IdType hidden = new IdType(target);
      String missing = AttackSupport.missingId();
      String body = Stored.json(this, target);
      int before = Stored.count(this, hidden.getResourceType() + "?_id=" + missing);

      HttpResponse<String> forB = interaction.apply("/fhir/" + target, body);
      HttpResponse<String> forNobody = interaction.apply("/fhir/" + hidden.getResourceType() + "/" + missing,
          body.replace("\"" + hidden.getIdPart() + "\"", "\"" + missing + "\""));

      assertRefused(forB, 404);
      assertRefused(forNobody, 404);
      AttackSupport.assertSameRefusal(forB, forNobody, hidden.getIdPart(), missing);
      assertThat(headerNames(forNobody)).as("headers of " + target).isEqualTo(headerNames(forB));
      assertThat(forNobody.headers().firstValue("Content-Type")).isEqualTo(forB.headers().firstValue("Content-Type"));
      assertThat(Stored.count(this, hidden.getResourceType() + "?_id=" + missing)).as("created by " + target)
          .isEqualTo(before);
    }
  }

  private static Set<String> headerNames(HttpResponse<String> response) {
    Set<String> names = new TreeSet<>(response.headers().map().keySet());
    names.removeIf(name -> VOLATILE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)));
    return names;
  }

  @Test
  default void read_ofAnotherPersonsResource_answersLikeAMissingOne() {
    assertAlike((path, body) -> p1().get(path));
  }

  @Test
  default void vread_ofAnotherPersonsResource_answersLikeAMissingOne() {
    assertAlike((path, body) -> p1().get(path + "/_history/1"));
  }

  @Test
  default void history_ofAnotherPersonsResource_answersLikeAMissingOne() {
    assertAlike((path, body) -> p1().get(path + "/_history"));
  }

  @Test
  default void update_ofAnotherPersonsResource_answersLikeAMissingOne_andCreatesNothing() {
    assertAlike((path, body) -> p1().put(path, FHIR_JSON, body));
  }

  @Test
  default void patch_ofAnotherPersonsResource_answersLikeAMissingOne() {
    assertAlike((path, body) -> p1().patch(path, JSON_PATCH, ANY_PATCH));
  }

  @Test
  default void delete_ofAnotherPersonsResource_answersLikeAMissingOne() {
    assertAlike((path, body) -> delete(p1(), path));
  }

  @Test
  default void read_ofTheirOwnPersonsResource_isAnswered() {
    assertThat(p1().get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertThat(p1().get(ours().path(CARE_PLAN) + "/_history/1").statusCode()).isEqualTo(200);
  }
}
