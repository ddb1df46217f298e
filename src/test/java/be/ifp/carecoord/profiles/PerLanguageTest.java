package be.ifp.carecoord.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import be.ifp.carecoord.rules.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerLanguageTest {

  @Test
  void buildsOneInstancePerLanguageUpFrontAndReusesIt() {
    List<Language> built = new ArrayList<>();
    PerLanguage<StringBuilder> perLanguage = new PerLanguage<>(language -> {
      built.add(language);
      return new StringBuilder(language.tag());
    });

    assertThat(built).containsExactly(Language.values());
    for (Language language : Language.values()) {
      assertThat(perLanguage.in(language)).hasToString(language.tag())
          .isSameAs(perLanguage.in(language));
    }
    assertThat(built).hasSize(Language.values().length);
  }
}
