package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Rule;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;

/**
 * A rule of group IFP-CM: it checks EpisodeOfCare resources, and only those that are
 * case-management episodes ({@code ifp-episode-type#case-management}); other episodes of care
 * are none of its business.
 */
abstract class CaseManagementRule extends Rule {

  CaseManagementRule(
      String id, String name, String check, Severities severities, String source,
      List<Message> messages) {
    super(id, name, check, severities, source, messages);
  }

  @Override
  public final Set<String> focusTypes() {
    return Set.of(Episodes.TYPE);
  }

  @Override
  public final void check(Resource focus, RuleContext context) {
    EpisodeOfCare episode = (EpisodeOfCare) focus;
    if (IfpData.isCaseManagement(episode)) {
      checkEpisode(episode, context);
    }
  }

  /** Checks one case-management episode. */
  abstract void checkEpisode(EpisodeOfCare episode, RuleContext context);
}
