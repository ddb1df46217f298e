package be.ifp.carecoord.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every {@code ifp.*} key the server has: the keys are read from
 * the metadata Spring Boot's configuration processor generates from the properties records, so
 * a new key without documentation fails the build.
 */
class ConfigurationDocsTest {

  @Test
  void everyIfpKey_isInTheConfigurationPage() throws IOException {
    List<String> keys = new ArrayList<>();
    try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(metadata).as("configuration metadata generated at compile time").isNotNull();
      for (JsonNode property : new ObjectMapper().readTree(metadata).get("properties")) {
        keys.add(property.get("name").asText());
      }
    }
    String page = Files.readString(Path.of("docs", "configuration.md"));

    assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(page).contains("`" + key + "`"));
  }
}
