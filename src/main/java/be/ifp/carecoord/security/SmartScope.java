package be.ifp.carecoord.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR resource scope, e.g. {@code user/CarePlan.rs} or {@code system/*.cruds}; v1
 * forms ({@code .read}, {@code .write}, {@code .*}) are read as their v2 letters. Scopes with
 * search constraints ({@code ?category=…}) grant nothing here: the server does not narrow by them,
 * so honouring them would grant more than the client was given.
 */
public record SmartScope(Context context, String resourceType, Set<Interaction> interactions) {

  /** Whose data the scope is about. */
  public enum Context {
    PATIENT,
    USER,
    SYSTEM
  }

  static final String ANY_TYPE = "*";
  private static final Pattern FORM = Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)");

  public SmartScope {
    interactions = Set.copyOf(interactions);
  }

  /** The scope, or empty for scopes that grant no resource access (openid, launch, malformed). */
  public static Optional<SmartScope> parse(String scope) {
    Matcher form = FORM.matcher(scope);
    if (!form.matches()) {
      return Optional.empty();
    }
    Set<Interaction> interactions = interactions(form.group(3));
    if (interactions.isEmpty()) {
      return Optional.empty();
    }
    Context context = Context.valueOf(form.group(1).toUpperCase(java.util.Locale.ROOT));
    return Optional.of(new SmartScope(context, form.group(2), interactions));
  }

  public boolean grants(String type, Interaction interaction) {
    return (ANY_TYPE.equals(resourceType) || resourceType.equals(type)) && interactions.contains(interaction);
  }

  private static Set<Interaction> interactions(String permissions) {
    switch (permissions) {
      case "read":
        return EnumSet.of(Interaction.READ, Interaction.SEARCH);
      case "write":
        return EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
      case "*":
        return EnumSet.allOf(Interaction.class);
      default:
        return letters(permissions);
    }
  }

  /** v2 letters: a subset of {@code cruds}, in that order, each at most once; anything else: none. */
  private static Set<Interaction> letters(String permissions) {
    Set<Interaction> granted = EnumSet.noneOf(Interaction.class);
    int next = 0;
    Interaction[] all = Interaction.values();
    for (char letter : permissions.toCharArray()) {
      while (next < all.length && all[next].letter() != letter) {
        next++;
      }
      if (next == all.length) {
        return Set.of();
      }
      granted.add(all[next++]);
    }
    return granted;
  }
}
