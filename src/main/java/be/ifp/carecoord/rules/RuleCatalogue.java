package be.ifp.carecoord.rules;

import be.ifp.carecoord.rules.casemanagement.CaseManagementRules;
import be.ifp.carecoord.rules.coordination.CoordinationRules;
import be.ifp.carecoord.rules.identity.IdentityRules;
import be.ifp.carecoord.rules.plan.CarePlanRules;
import be.ifp.carecoord.rules.team.TeamRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule of rules.md outside the Access section, in catalogue order. The one source of the
 * server's checks, the {@code ifp-rule} CodeSystem and {@code docs/rules.md}.
 */
public final class RuleCatalogue {

  /** Canonical URL of the CodeSystem whose codes are the rule ids. */
  public static final String SYSTEM = be.ifp.carecoord.domain.Canonicals.codeSystem("ifp-rule");

  private RuleCatalogue() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(IdentityRules.all());
    rules.addAll(TeamRules.all());
    rules.addAll(CoordinationRules.all());
    rules.addAll(CaseManagementRules.all());
    rules.addAll(CarePlanRules.all());
    return List.copyOf(rules);
  }
}
