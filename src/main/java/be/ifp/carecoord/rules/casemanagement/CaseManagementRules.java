package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.Rule;
import java.util.List;

/** The rules of group IFP-CM, case management (EpisodeOfCare), in catalogue order. */
public final class CaseManagementRules {

  private CaseManagementRules() {}

  public static List<Rule> all() {
    return List.of(
        new OneCaseManagerPerPersonRule(),
        new EligibleCaseManagerRule(),
        new TimeLimitedCaseManagementRule(),
        new CaseManagementStartReasonRule(),
        new CaseManagementConsentRule(),
        new CaseManagementStartBasisRule(),
        new AppointedByMesoUnitRule(),
        new CaseManagementClosureRule());
  }
}
