package be.ifp.carecoord.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class UnsubscribableTypesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void aChangeOfAnUnsubscribableType_isNotOffered_andOtherChangesAre() {
    UnsubscribableTypes types = new UnsubscribableTypes(Set.of("AuditEvent"), FHIR);

    assertThat(types.offered(change(new AuditEvent(), "AuditEvent/1"))).isFalse();
    assertThat(types.offered(change(new CareTeam(), "CareTeam/1"))).isTrue();
  }

  @Test
  void withNoUnsubscribableTypes_everyChangeIsOffered() {
    UnsubscribableTypes types = new UnsubscribableTypes(Set.of(), FHIR);

    assertThat(types.offered(change(new AuditEvent(), "AuditEvent/1"))).isTrue();
  }

  private static ResourceModifiedMessage change(Resource resource, String id) {
    resource.setId(id);
    return new ResourceModifiedMessage(FHIR, resource, OperationTypeEnum.CREATE);
  }
}
