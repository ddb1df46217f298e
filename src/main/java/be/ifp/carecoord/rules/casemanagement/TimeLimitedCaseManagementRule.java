package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;

/**
 * IFP-CM-03: case management is appointed for a limited time. The episode has a start, and an end
 * or a {@code next-review} date (error); a review later than the start plus the configured
 * maximum interval ({@link be.ifp.carecoord.rules.RuleSettings#maxReviewInterval()}) is a warning.
 */
final class TimeLimitedCaseManagementRule extends CaseManagementRule {

  TimeLimitedCaseManagementRule() {
    super("IFP-CM-03", "case-management-time-limited",
        "period.start present, and period.end or next-review present; next-review later than start + the configured maximum interval (default P6M, an assumption: the texts give no number) is a warning.",
        Severities.of("E E E E"),
        "001 L2322–2327; 003 L1412–1420",
        List.of(
            Message.key("no-start")
                .en("The case-management episode has no start date: case management runs for a limited time from a known start.")
                .nl("De casemanagement-episode heeft geen startdatum: casemanagement loopt een beperkte tijd vanaf een gekende start.")
                .fr("L'épisode de case management n'a pas de date de début : le case management dure un temps limité à partir d'un début connu.")
                .de("Die Case-Management-Episode hat kein Anfangsdatum: Case Management läuft eine begrenzte Zeit ab einem bekannten Beginn."),
            Message.key("no-end-or-review")
                .en("The case-management episode has neither an end date nor a next-review date: say when it ends or when it will be reviewed.")
                .nl("De casemanagement-episode heeft geen einddatum en geen datum voor de volgende evaluatie: vermeld wanneer ze eindigt of wanneer ze herbekeken wordt.")
                .fr("L'épisode de case management n'a ni date de fin ni date de prochaine évaluation : indiquez quand il se termine ou quand il sera réévalué.")
                .de("Die Case-Management-Episode hat weder ein Enddatum noch ein Datum der nächsten Überprüfung: Geben Sie an, wann sie endet oder wann sie überprüft wird."),
            Message.key("review-too-late")
                .en("The next review of the case management ({0}) is more than {1} after its start ({2}): plan it no later than {3}.")
                .nl("De volgende evaluatie van het casemanagement ({0}) valt meer dan {1} na de start ({2}): plan ze uiterlijk op {3}.")
                .fr("La prochaine évaluation du case management ({0}) tombe plus de {1} après son début ({2}) : prévoyez-la au plus tard le {3}.")
                .de("Die nächste Überprüfung des Case Managements ({0}) liegt mehr als {1} nach seinem Beginn ({2}): Planen Sie sie spätestens für den {3}.")));
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    Period period = Episodes.period(episode);
    Optional<BaseDateTimeType> start = Episodes.start(episode);
    Optional<BaseDateTimeType> review = IfpData.extension(episode, IfpData.NEXT_REVIEW)
        .filter(BaseDateTimeType.class::isInstance)
        .map(BaseDateTimeType.class::cast)
        .filter(BaseDateTimeType::hasValue);
    if (start.isEmpty()) {
      context.report("no-start", period == null ? Episodes.PERIOD : Episodes.PERIOD_START);
    }
    if ((period == null || !period.hasEnd()) && review.isEmpty()) {
      context.report("no-end-or-review", Episodes.EXTENSION);
    }
    if (start.isPresent() && review.isPresent()) {
      LocalDate latest = Episodes.day(start.get()).plus(context.settings().maxReviewInterval());
      if (Episodes.day(review.get()).isAfter(latest)) {
        context.warn("review-too-late", Episodes.extensionPath(episode, IfpData.NEXT_REVIEW),
            Episodes.text(review.get()), context.settings().maxReviewInterval(),
            Episodes.text(start.get()), latest);
      }
    }
  }
}
