package be.ifp.carecoord.rules;

import java.util.Locale;
import java.util.Optional;

/** The languages every rule message exists in: Belgium's three plus English. */
public enum Language {
  EN,
  NL,
  FR,
  DE;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Language> ofTag(String tag) {
    for (Language language : values()) {
      if (language.tag().equalsIgnoreCase(tag)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /**
   * The first supported language of an {@code Accept-Language} header, in the client's order of
   * preference ({@code q} weights respected), or {@code fallback}.
   */
  public static Language fromAcceptLanguage(String header, Language fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        if (range.getWeight() <= 0) {
          continue;
        }
        String primary = range.getRange().split("-")[0];
        Optional<Language> language = ofTag(primary);
        if (language.isPresent()) {
          return language.get();
        }
      }
    } catch (IllegalArgumentException malformed) {
      // A malformed header is not worth refusing the request for.
    }
    return fallback;
  }
}
