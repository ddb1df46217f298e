package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.rules.Rule;
import java.util.List;

/** The rules of group IFP-TM, the interdisciplinary team (CareTeam), in catalogue order. */
public final class TeamRules {

  private TeamRules() {}

  public static List<Rule> all() {
    return List.of(
        new PersonInTeamRule(),
        new MultidisciplinaryTeamRule(),
        new SingleCoordinatorPerTeamRule(),
        new OneCoordinatorPerPersonRule(),
        new EligibleCoordinatorRule(),
        new CoordinatorAgreementRule(),
        new CaseManagerOutsideTeamRule());
  }
}
