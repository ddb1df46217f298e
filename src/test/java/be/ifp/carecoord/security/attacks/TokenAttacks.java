package be.ifp.carecoord.security.attacks;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.PATIENT;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, classes 10 and 14: scopes as SMART 2 means them, and tokens. The {@code patient}
 * launch claim never widens user/ scopes, a system/ scope in a user token reaches no one; a
 * token without {@code exp} is refused; the metrics are no one's but the operator's.
 */
interface TokenAttacks extends AttackSupport {

  private FhirHttp p1With(String scope, String launchPatient) {
    TestTokens token = TestTokens.token().fhirUser(ours().id(TEAM_ROLE)).scope(scope);
    if (launchPatient != null) {
      token.claim("patient", launchPatient);
    }
    return as(token.mint());
  }

  /** B's plan is not read, not found by a search naming her, not among the caller's plans. */
  private void assertBOutOfReach(FhirHttp caller) {
    assertRefused(caller.get(theirs().file().path(CARE_PLAN)), 404);
    assertRefused(caller.get("/fhir/CarePlan?subject=" + theirs().id(PATIENT)), 403);
    HttpResponse<String> plans = caller.get("/fhir/CarePlan?_count=200&_total=accurate");
    theirs().assertNothingOfHersIn(plans);
  }

  @Test
  default void launchClaim_ofAnotherPerson_doesNotWidenUserScopes() {
    assertBOutOfReach(p1With("user/*.rs", theirs().idPart(PATIENT)));
    assertBOutOfReach(p1With("user/*.rs patient/*.rs", theirs().idPart(PATIENT)));
  }

  @Test
  default void launchClaim_ofAnotherPerson_doesNotWidenAPersonsToken() {
    FhirHttp person = as(TestTokens.token().fhirUser(ours().id(PATIENT)).scope("patient/*.rs")
        .claim("patient", theirs().idPart(PATIENT)).mint());

    assertBOutOfReach(person);
  }

  @Test
  default void systemScope_inAUserToken_givesNoSystemReach() {
    assertBOutOfReach(p1With("user/*.rs system/CarePlan.rs", null));
    assertBOutOfReach(p1With("user/*.rs system/CarePlan.c", null));
    assertRefused(p1With("system/*.cruds", null).get(theirs().file().path(CARE_PLAN)), 403, 404);
  }

  @Test
  default void launchClaim_ofTheirOwnPerson_keepsTheirReach() {
    assertThat(p1With("user/*.rs", ours().idPart(PATIENT)).get(ours().path(CARE_PLAN)).statusCode()).isEqualTo(200);
  }

  @Test
  default void tokenWithoutExpiry_isUnauthorised() {
    HttpResponse<String> answer =
        as(Attackers.withoutExpiry(ours().id(TEAM_ROLE), Attackers.ALL_USER_SCOPES)).get(ours().path(CARE_PLAN));

    assertOutcome(answer, 401);
    theirs().assertNothingOfHersIn(answer);
  }

  @Test
  default void metrics_areNotForAPersonOrAProfessional() {
    HttpResponse<String> person = as(Attackers.person(ours(), "patient/*.rs")).get("/manage/prometheus");
    HttpResponse<String> professional = p1().get("/manage/prometheus");

    assertThat(person.statusCode()).as("the person's answer").isEqualTo(403);
    assertThat(professional.statusCode()).as("the professional's answer").isEqualTo(403);
    assertThat(http().withoutToken().get("/manage/prometheus").statusCode()).isEqualTo(401);
    assertThat(http().withoutToken().get("/manage/health").statusCode()).isEqualTo(200);
  }
}
