package be.ifp.carecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDepthGuardTest {

  private static boolean exceeds(String json, int limit) {
    return JsonDepthGuard.depthExceeds(json.getBytes(StandardCharsets.UTF_8), limit);
  }

  @Test
  void nestingAtTheLimit_passes() {
    assertThat(exceeds("{\"a\":[{\"b\":1}]}", 3)).isFalse();
  }

  @Test
  void nestingOverTheLimit_fails() {
    assertThat(exceeds("{\"a\":[{\"b\":[1]}]}", 3)).isTrue();
  }

  @Test
  void bracketsInsideStrings_doNotCount() {
    assertThat(exceeds("{\"a\":\"[[[[{{{{\"}", 1)).isFalse();
  }

  @Test
  void escapedQuotes_doNotEndAString() {
    assertThat(exceeds("{\"a\":\"\\\"[[[[\"}", 1)).isFalse();
  }
}
