package be.ifp.carecoord.rules.coordination;

import be.ifp.carecoord.rules.Rule;
import java.util.List;

/** The rules of group IFP-CC, coordinator and case manager together, in catalogue order. */
public final class CoordinationRules {

  private CoordinationRules() {}

  public static List<Rule> all() {
    return List.of(
        new CoordinatorNotCaseManagerRule(),
        new NoSimultaneousRolesRule(),
        new InterimCoordinationHandoverRule());
  }
}
