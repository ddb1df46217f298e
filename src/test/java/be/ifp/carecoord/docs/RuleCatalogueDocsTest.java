package be.ifp.carecoord.docs;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.RuleCatalogue;
import be.ifp.carecoord.rules.RuleCatalogueMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the catalogue written from the rule classes: this test fails when the page and
 * the code drift apart. {@code -Difp.docs.write=true} rewrites the page instead.
 */
class RuleCatalogueDocsTest {

  private static final Path PAGE = Path.of("docs", "rules.md");

  @Test
  void rulesPage_isTheCatalogueOfTheRuleClasses() throws IOException {
    String generated = RuleCatalogueMarkdown.of(RuleCatalogue.all());
    if (Boolean.getBoolean("ifp.docs.write")) {
      Files.writeString(PAGE, generated);
    }
    assertThat(Files.readString(PAGE))
        .as("docs/rules.md is out of date: mvn test -Dtest=RuleCatalogueDocsTest -Difp.docs.write=true")
        .isEqualTo(generated);
  }
}
