package be.ifp.carecoord.security;

import static be.ifp.carecoord.security.PersonFile.CARE_PLAN;
import static be.ifp.carecoord.security.PersonFile.TEAM_ROLE;
import static be.ifp.carecoord.support.FhirHttp.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.support.FhirHttp;
import be.ifp.carecoord.support.PostgresServerTest;
import be.ifp.carecoord.support.SecondInstance;
import be.ifp.carecoord.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.junit.jupiter.api.Test;

/**
 * Access decisions kept across requests (docs/security.md) on two instances sharing one
 * PostgreSQL database: a change stored through one instance reaches the decisions the other
 * keeps, through PostgreSQL's notifications.
 */
class AccessChangesAcrossInstancesOnPostgresIT extends PostgresServerTest {

  /** Notifications arrive in milliseconds; this is only how long the test is patient. */
  private static final Duration DELIVERY = Duration.ofSeconds(10);

  @Test
  void aRefusalStoredThroughOneInstance_shutsTheProfessionalOutOfTheOther() {
    PersonFile file = PersonFile.load(this);
    FhirHttp member = SecondInstance.http().withToken(TestTokens.user(file.id(TEAM_ROLE), "user/*.rs"));
    MeterRegistry meters = SecondInstance.context().getBean(MeterRegistry.class);
    assertThat(member.get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);
    double hits = hits(meters);
    assertThat(member.get(file.path(CARE_PLAN)).statusCode()).isEqualTo(200);
    assertThat(hits(meters)).as("the second read answered from the kept decision").isGreaterThan(hits);

    client().create().resource(PersonControlContract.consent(file, ConsentProvisionType.DENY, file.id(TEAM_ROLE)))
        .execute();

    Awaitility.await().atMost(DELIVERY).untilAsserted(() -> assertOutcome(member.get(file.path(CARE_PLAN)), 404));
  }

  private static double hits(MeterRegistry meters) {
    return meters.counter("ifp.access.cache", "result", "hit").count();
  }
}
