package be.ifp.carecoord.profiles;

import be.ifp.carecoord.rules.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** One instance of something for each {@link Language}, all built up front and then reused. */
final class PerLanguage<T> {

  private final Map<Language, T> byLanguage = new EnumMap<>(Language.class);

  PerLanguage(Function<Language, T> create) {
    for (Language language : Language.values()) {
      byLanguage.put(language, create.apply(language));
    }
  }

  T in(Language language) {
    return byLanguage.get(language);
  }
}
