package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-CM-07: case management is appointed by a meso-level body: the episode's
 * managingOrganization is an Organization typed {@code ifp-organization-type#meso-unit}.
 */
final class AppointedByMesoUnitRule extends CaseManagementRule {

  private static final String ORGANIZATION_TYPE = Canonicals.codeSystem("ifp-organization-type");
  private static final String MESO_UNIT = "meso-unit";

  AppointedByMesoUnitRule() {
    super("IFP-CM-07", "appointed-by-meso-unit",
        "managingOrganization is an Organization typed meso-unit.",
        Severities.of("W W W W"),
        "001 L2316–2318 (FR L3716: exclusive path)",
        List.of(Message.key("not-meso-unit")
            .en("The case management is managed by {0} ({1}), which is not a meso unit: case managers are appointed by the meso-level body.")
            .nl("Het casemanagement wordt beheerd door {0} ({1}), dat geen meso-eenheid is: casemanagers worden aangesteld door het mesoniveau.")
            .fr("Le case management est géré par {0} ({1}), qui n'est pas une instance de niveau méso : les case managers sont désignés par le niveau méso.")
            .de("Das Case Management wird von {0} ({1}) verwaltet, das keine Meso-Einheit ist: Case Manager werden von der Meso-Ebene ernannt.")));
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    String reference = episode.hasManagingOrganization()
        ? References.of(episode.getManagingOrganization()) : null;
    if (reference == null) {
      return;
    }
    Optional<Resource> managing = context.record().read(reference);
    if (managing.isEmpty()) {
      return;
    }
    if (!(managing.get() instanceof Organization organization)) {
      context.report("not-meso-unit", Episodes.MANAGING_ORGANIZATION, reference, managing.get().fhirType());
    } else if (!IfpData.hasCode(organization.getType(), ORGANIZATION_TYPE, MESO_UNIT)) {
      context.report("not-meso-unit", Episodes.MANAGING_ORGANIZATION, reference,
          organization.hasName() ? organization.getName() : reference);
    }
  }
}
