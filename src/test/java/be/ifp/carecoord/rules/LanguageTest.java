package be.ifp.carecoord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void acceptLanguage_picksTheFirstSupportedByPreference() {
    assertThat(Language.fromAcceptLanguage("fr-BE,fr;q=0.9,nl;q=0.8", Language.EN)).isEqualTo(Language.FR);
    assertThat(Language.fromAcceptLanguage("es, de;q=0.5, nl;q=0.7", Language.EN)).isEqualTo(Language.NL);
    assertThat(Language.fromAcceptLanguage("nl-BE", Language.EN)).isEqualTo(Language.NL);
  }

  @Test
  void missingUnsupportedOrMalformedHeader_givesTheDefault() {
    assertThat(Language.fromAcceptLanguage(null, Language.DE)).isEqualTo(Language.DE);
    assertThat(Language.fromAcceptLanguage("es, it", Language.NL)).isEqualTo(Language.NL);
    assertThat(Language.fromAcceptLanguage(";;;q=", Language.EN)).isEqualTo(Language.EN);
    assertThat(Language.fromAcceptLanguage("fr;q=0", Language.EN)).isEqualTo(Language.EN);
  }
}
