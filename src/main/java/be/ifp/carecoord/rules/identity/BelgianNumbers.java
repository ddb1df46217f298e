package be.ifp.carecoord.rules.identity;

/**
 * The format and check-digit arithmetic of the Belgian identifiers, as
 * {@code shared/reference/be-identifiers.md} §2 describes it: SSIN (national register and BIS
 * numbers), CBE enterprise numbers and NIHDI numbers. Pure functions on the written value; the
 * rules decide what a failure means.
 *
 * <p>A check number is always {@code modulus − (n mod modulus)}: between 1 and the modulus, so a
 * remainder of 0 gives 97 (or 89), never 00.
 */
final class BelgianNumbers {

  private static final long YEAR_2000_PREFIX = 2_000_000_000L;

  private BelgianNumbers() {}

  /** Whether the value is exactly {@code length} ASCII digits, nothing else. */
  static boolean isDigits(String value, int length) {
    if (value == null || value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code modulus − (number mod modulus)}. */
  static int checkNumber(long number, int modulus) {
    return modulus - (int) (number % modulus);
  }

  // SSIN

  /** An SSIN is written as 11 digits. */
  static boolean hasSsinFormat(String value) {
    return isDigits(value, 11);
  }

  /** The check number of an 11-digit SSIN for a person born before 2000: over its first 9 digits. */
  static int ssinCheckBefore2000(String value) {
    return checkNumber(Long.parseLong(value.substring(0, 9)), 97);
  }

  /** The check number of an 11-digit SSIN for a person born in 2000 or later: a 2 before the 9 digits. */
  static int ssinCheckFrom2000(String value) {
    return checkNumber(YEAR_2000_PREFIX + Long.parseLong(value.substring(0, 9)), 97);
  }

  /** The check number the SSIN carries: its last two digits. */
  static int ssinCheckWritten(String value) {
    return Integer.parseInt(value.substring(9));
  }

  /** 11 digits whose last two match either century's check. */
  static boolean isValidSsin(String value) {
    if (!hasSsinFormat(value)) {
      return false;
    }
    int written = ssinCheckWritten(value);
    return written == ssinCheckBefore2000(value) || written == ssinCheckFrom2000(value);
  }

  // CBE

  /** A CBE number is written as 10 digits. */
  static boolean hasCbeFormat(String value) {
    return isDigits(value, 10);
  }

  /** An enterprise number starts with 0 or 1 (2 to 9: establishment units). */
  static boolean isEnterpriseNumber(String value) {
    return hasCbeFormat(value) && (value.charAt(0) == '0' || value.charAt(0) == '1');
  }

  /** The check number of a 10-digit CBE number: over its first 8 digits. */
  static int cbeCheck(String value) {
    return checkNumber(Long.parseLong(value.substring(0, 8)), 97);
  }

  static int cbeCheckWritten(String value) {
    return Integer.parseInt(value.substring(8));
  }

  /** 10 digits, first 0 or 1, and the right check digits. */
  static boolean isValidCbe(String value) {
    return isEnterpriseNumber(value) && cbeCheckWritten(value) == cbeCheck(value);
  }

  // NIHDI

  /** A NIHDI number is written as 11 digits, or as the deprecated 8 (without competence code). */
  static boolean hasNihdiFormat(String value) {
    return isDigits(value, 11) || isDigits(value, 8);
  }

  /** The deprecated 8-digit form. */
  static boolean isShortNihdi(String value) {
    return isDigits(value, 8);
  }

  /** The original scheme: 97 − (first 6 digits mod 97). */
  static int nihdiCheckModulo97(String value) {
    return checkNumber(Long.parseLong(value.substring(0, 6)), 97);
  }

  /** The newer scheme (since 2013 for some professions): 89 − (first 6 digits mod 89), assumed. */
  static int nihdiCheckModulo89(String value) {
    return checkNumber(Long.parseLong(value.substring(0, 6)), 89);
  }

  /** The check number the NIHDI number carries: digits 7 and 8. */
  static int nihdiCheckWritten(String value) {
    return Integer.parseInt(value.substring(6, 8));
  }

  /** 8 or 11 digits whose digits 7–8 match the modulo-97 or the modulo-89 scheme. */
  static boolean hasPlausibleNihdiCheck(String value) {
    if (!hasNihdiFormat(value)) {
      return false;
    }
    int written = nihdiCheckWritten(value);
    return written == nihdiCheckModulo97(value) || written == nihdiCheckModulo89(value);
  }

  /** Two digits, as check numbers are written: 4 → {@code 04}. */
  static String twoDigits(int check) {
    return String.format("%02d", check);
  }
}
