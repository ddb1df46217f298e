package be.ifp.carecoord.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CareTeam;
import org.junit.jupiter.api.Test;

class SubscribableChangesMatcherTest {

  @Test
  void aChangeOfAnUnsubscribableType_isNotOffered_andOtherChangesAre() {
    SubscribableChangesMatcher matcher = new SubscribableChangesMatcher(Set.of("AuditEvent"));

    assertThat(matcher.offered(new AuditEvent())).isFalse();
    assertThat(matcher.offered(new CareTeam())).isTrue();
  }

  @Test
  void withNoUnsubscribableTypes_everyChangeIsOffered() {
    assertThat(new SubscribableChangesMatcher(Set.of()).offered(new AuditEvent())).isTrue();
  }
}
