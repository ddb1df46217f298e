package be.ifp.carecoord.rules.identity;

import be.ifp.carecoord.rules.Rule;
import java.util.List;

/** The rules of group IFP-ID, the checks of Belgian identifiers, in catalogue order. */
public final class IdentityRules {

  private IdentityRules() {}

  public static List<Rule> all() {
    return List.of(new SsinCheckDigitRule(), new CbeCheckDigitRule(), new NihdiFormatRule());
  }
}
