package be.ifp.carecoord.rules.team;

import static be.ifp.carecoord.rules.RuleHarness.example;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.Finding;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleHarness;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/**
 * Fixtures the team rules' tests share: Maria's team, its coordinator, the team in another entity,
 * and the teams of the example Bundles.
 */
final class TeamExamples {

  /** The example Bundles that write a CareTeam, none of them breaking IFP-TM-02, -03 or -05. */
  static final List<String> BUNDLES_WITH_A_TEAM = List.of(
      "Bundle-person-file-maria",
      "invalid/Bundle-ifp-cc-01-case-manager-becomes-coordinator",
      "invalid/Bundle-ifp-cp-01-team-of-another-person",
      "invalid/Bundle-ifp-tm-04-two-coordinators-overlap",
      "invalid/Bundle-ifp-tm-06-coordinator-without-agreement",
      "warning/Bundle-ifp-cc-02-dg-case-management-while-coordinated");

  private TeamExamples() {}

  /** Maria's team ({@code CareTeam-team-with-reimbursable-coordinator}), a fresh copy. */
  static CareTeam mariasTeam() {
    return example("CareTeam-team-with-reimbursable-coordinator");
  }

  /** The coordinator of Maria's team: {@code participant[5]}, the nurse as reimbursable coordinator. */
  static CareTeamParticipantComponent coordinatorOf(CareTeam mariasTeam) {
    return mariasTeam.getParticipant().get(5);
  }

  /** Maria's team, its coordinator's {@code coordination-type} set to non-reimbursable. */
  static CareTeam nonReimbursable(CareTeam mariasTeam) {
    coordinatorOf(mariasTeam).getExtensionByUrl(IfpData.COORDINATION_TYPE).setValue(
        new Coding(Canonicals.codeSystem("ifp-coordination-type"), "non-reimbursable", null));
    return mariasTeam;
  }

  /** The team, its {@code ifp-entity} set to {@code entity} (VL, WAL, BXL, DG). */
  static CareTeam inEntity(CareTeam team, String entity) {
    team.getExtensionByUrl(IfpData.ENTITY)
        .setValue(new Coding(Canonicals.codeSystem("ifp-entity"), entity, null));
    return team;
  }

  /**
   * The findings of {@code rule} on the Bundle's CareTeam, written after the Bundle's other entries
   * were stored over the valid examples.
   */
  static List<Finding> writeTeamOf(String bundleFile, Rule rule) {
    RuleHarness harness = RuleHarness.withExamples();
    Bundle bundle = example(bundleFile);
    CareTeam team = null;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof CareTeam careTeam) {
        team = careTeam;
      } else {
        harness.store(resource);
      }
    }
    if (team == null) {
      throw new IllegalArgumentException(bundleFile + " writes no CareTeam");
    }
    return harness.write(rule, team);
  }
}
