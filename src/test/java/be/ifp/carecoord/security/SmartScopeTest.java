package be.ifp.carecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SmartScopeTest {

  @Test
  void v2Letters_areASubsetInOrder() {
    assertThat(SmartScope.parse("user/CarePlan.rs")).hasValueSatisfying(scope -> {
      assertThat(scope.context()).isEqualTo(SmartScope.Context.USER);
      assertThat(scope.interactions()).containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
    });
    assertThat(SmartScope.parse("system/*.cruds").orElseThrow().interactions()).isEqualTo(EnumSet.allOf(Interaction.class));
    assertThat(SmartScope.parse("user/Patient.sr")).isEmpty();
    assertThat(SmartScope.parse("user/Patient.rr")).isEmpty();
    assertThat(SmartScope.parse("user/Patient.x")).isEmpty();
  }

  @Test
  void v1Forms_mapToV2() {
    assertThat(SmartScope.parse("patient/*.read").orElseThrow().interactions())
        .containsExactlyInAnyOrder(Interaction.READ, Interaction.SEARCH);
    assertThat(SmartScope.parse("patient/*.write").orElseThrow().interactions())
        .containsExactlyInAnyOrder(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
    assertThat(SmartScope.parse("user/Goal.*").orElseThrow().interactions()).isEqualTo(EnumSet.allOf(Interaction.class));
  }

  @Test
  void scopesThatAreNotResourceScopes_grantNothing() {
    assertThat(SmartScope.parse("openid")).isEmpty();
    assertThat(SmartScope.parse("launch/patient")).isEmpty();
    assertThat(SmartScope.parse("user/Observation.rs?category=laboratory")).isEmpty();
  }

  @Test
  void wildcard_grantsEveryType_namedType_onlyItself() {
    SmartScope wildcard = SmartScope.parse("user/*.r").orElseThrow();
    SmartScope goals = SmartScope.parse("user/Goal.r").orElseThrow();

    assertThat(wildcard.grants("Goal", Interaction.READ)).isTrue();
    assertThat(goals.grants("Goal", Interaction.READ)).isTrue();
    assertThat(goals.grants("CarePlan", Interaction.READ)).isFalse();
    assertThat(goals.grants("Goal", Interaction.SEARCH)).isFalse();
  }
}
