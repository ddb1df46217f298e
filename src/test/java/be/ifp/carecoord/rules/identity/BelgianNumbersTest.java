package be.ifp.carecoord.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worked examples of shared/reference/be-identifiers.md §2 as test vectors. The national IG's
 * own example values appear here only as the failing vectors they are.
 */
class BelgianNumbersTest {

  @Test
  void checkNumber_isModulusMinusRemainder_neverZero() {
    assertThat(BelgianNumbers.checkNumber(930518223L, 97)).isEqualTo(61);
    assertThat(BelgianNumbers.checkNumber(850101113L, 97)).isEqualTo(97);
    assertThat(BelgianNumbers.checkNumber(0L, 89)).isEqualTo(89);
  }

  @Test
  void isDigits_acceptsOnlyThatManyAsciiDigits() {
    assertThat(BelgianNumbers.isDigits("01234567890", 11)).isTrue();
    assertThat(BelgianNumbers.isDigits("0123456789", 11)).isFalse();
    assertThat(BelgianNumbers.isDigits("0123456789 ", 11)).isFalse();
    assertThat(BelgianNumbers.isDigits("012345678٩0", 11)).isFalse(); // an Arabic-Indic nine
    assertThat(BelgianNumbers.isDigits(null, 11)).isFalse();
  }

  // SSIN

  @Test
  void ssinBornBefore2000_explainerExample_isValid() {
    assertThat(BelgianNumbers.ssinCheckBefore2000("93051822361")).isEqualTo(61);
    assertThat(BelgianNumbers.ssinCheckFrom2000("93051822361")).isEqualTo(90);
    assertThat(BelgianNumbers.isValidSsin("93051822361")).isTrue();
  }

  @Test
  void ssinBorn2000OrLater_flemishWikiExample_isValid() {
    assertThat(BelgianNumbers.ssinCheckBefore2000("00012556777")).isEqualTo(48);
    assertThat(BelgianNumbers.ssinCheckFrom2000("00012556777")).isEqualTo(77);
    assertThat(BelgianNumbers.isValidSsin("00012556777")).isTrue();
  }

  @Test
  void bisNumber_usesTheSameRule() {
    assertThat(BelgianNumbers.isValidSsin("79521136765")).isTrue();
  }

  @Test
  void ssinWithRemainderZero_hasCheck97() {
    assertThat(BelgianNumbers.ssinCheckBefore2000("85010111397")).isEqualTo(97);
    assertThat(BelgianNumbers.isValidSsin("85010111397")).isTrue();
  }

  @Test
  void nationalIgSsinExample_failsBothCenturies() {
    assertThat(BelgianNumbers.ssinCheckBefore2000("79121137740")).isEqualTo(66);
    assertThat(BelgianNumbers.ssinCheckFrom2000("79121137740")).isEqualTo(95);
    assertThat(BelgianNumbers.isValidSsin("79121137740")).isFalse();
  }

  @Test
  void projectExampleSsins_matchTheirReadme() {
    assertThat(BelgianNumbers.isValidSsin("41031208450")).isTrue();
    assertThat(BelgianNumbers.isValidSsin("41031208451")).isFalse();
    assertThat(BelgianNumbers.ssinCheckFrom2000("41031208451")).isEqualTo(79);
    assertThat(BelgianNumbers.ssinCheckBefore2000("68072415620")).isEqualTo(19);
  }

  @ParameterizedTest
  @ValueSource(strings = {"41.03.12-084.50", "4103120845", "410312084500", "4103120845a", ""})
  void ssinNotElevenDigits_failsTheFormat(String value) {
    assertThat(BelgianNumbers.hasSsinFormat(value)).isFalse();
    assertThat(BelgianNumbers.isValidSsin(value)).isFalse();
  }

  // CBE

  @Test
  void cbeEconomyExample_isValid() {
    assertThat(BelgianNumbers.cbeCheck("0353456320")).isEqualTo(20);
    assertThat(BelgianNumbers.isValidCbe("0353456320")).isTrue();
  }

  @Test
  void cbeFlemishDocumentationExample_isValid() {
    assertThat(BelgianNumbers.isValidCbe("0566988259")).isTrue();
  }

  @Test
  void establishmentUnit_hasRightCheckButIsNoEnterpriseNumber() {
    assertThat(BelgianNumbers.cbeCheck("2147812897")).isEqualTo(97);
    assertThat(BelgianNumbers.cbeCheckWritten("2147812897")).isEqualTo(97);
    assertThat(BelgianNumbers.isEnterpriseNumber("2147812897")).isFalse();
    assertThat(BelgianNumbers.isValidCbe("2147812897")).isFalse();
  }

  @Test
  void nationalIgCbeExample_fails() {
    assertThat(BelgianNumbers.cbeCheck("0425222333")).isEqualTo(63);
    assertThat(BelgianNumbers.isValidCbe("0425222333")).isFalse();
  }

  @Test
  void cbeOfTheOneRange_isValid() {
    assertThat(BelgianNumbers.isValidCbe("1028453683")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0353.456.320", "BE0353456320", "353456320", "03534563200"})
  void cbeNotTenDigits_failsTheFormat(String value) {
    assertThat(BelgianNumbers.hasCbeFormat(value)).isFalse();
    assertThat(BelgianNumbers.isValidCbe(value)).isFalse();
  }

  // NIHDI

  @Test
  void nihdiOfTheNationalIgPractitioner_fitsModulo97() {
    assertThat(BelgianNumbers.nihdiCheckModulo97("18749704477")).isEqualTo(4);
    assertThat(BelgianNumbers.hasPlausibleNihdiCheck("18749704477")).isTrue();
  }

  @Test
  void nihdiSyntheticExamples_fitModulo97OrModulo89() {
    assertThat(BelgianNumbers.nihdiCheckModulo97("12345625000")).isEqualTo(25);
    assertThat(BelgianNumbers.nihdiCheckModulo89("12345676000")).isEqualTo(76);
    assertThat(BelgianNumbers.hasPlausibleNihdiCheck("12345625000")).isTrue();
    assertThat(BelgianNumbers.hasPlausibleNihdiCheck("12345676000")).isTrue();
    assertThat(BelgianNumbers.hasPlausibleNihdiCheck("12345600000")).isFalse();
  }

  @Test
  void nihdiOfEightDigits_isDeprecatedButCheckable() {
    assertThat(BelgianNumbers.hasNihdiFormat("18749704")).isTrue();
    assertThat(BelgianNumbers.isShortNihdi("18749704")).isTrue();
    assertThat(BelgianNumbers.isShortNihdi("18749704477")).isFalse();
    assertThat(BelgianNumbers.hasPlausibleNihdiCheck("18749704")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1432185100", "4.78120.90.000", "187497-04-477", "123456789", ""})
  void nihdiNeitherElevenNorEightDigits_failsTheFormat(String value) {
    assertThat(BelgianNumbers.hasNihdiFormat(value)).isFalse();
    assertThat(BelgianNumbers.hasPlausibleNihdiCheck(value)).isFalse();
  }

  @Test
  void twoDigits_padsWithZero() {
    assertThat(BelgianNumbers.twoDigits(4)).isEqualTo("04");
    assertThat(BelgianNumbers.twoDigits(97)).isEqualTo("97");
  }
}
