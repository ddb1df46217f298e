package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * IFP-CM-05: case management rests on the person's consent: an active {@code ifp-agreement}
 * Consent of type case-management-consent, for this patient, given by the Patient or a
 * representative (a RelatedPerson of this patient), dated no later than the episode's start.
 * Revoking or deleting the consent re-checks the person's active episodes.
 */
final class CaseManagementConsentRule extends CaseManagementRule {

  private static final String CONSENT_TYPE = "case-management-consent";

  CaseManagementConsentRule() {
    super("IFP-CM-05", "case-management-consent",
        "An active ifp-agreement Consent of type case-management-consent for this patient, given by the Patient or a representative, dated no later than period.start.",
        Severities.of("E E E E"),
        "000 L532–533 (notes); 001 FR L3469",
        List.of(
            Message.key("no-consent")
                .en("There is no active consent to case management given by the person {0} or their representative: case management needs the person's consent.")
                .nl("Er is geen actieve toestemming voor casemanagement, gegeven door de persoon {0} of diens vertegenwoordiger: casemanagement vraagt de toestemming van de persoon.")
                .fr("Il n'y a pas de consentement actif au case management donné par la personne {0} ou son représentant : le case management requiert le consentement de la personne.")
                .de("Es gibt keine aktive Einwilligung in das Case Management, gegeben von der Person {0} oder ihrem Vertreter: Case Management erfordert die Einwilligung der Person."),
            Message.key("consent-after-start")
                .en("The case management starts on {0}, before the person's consent {1} of {2}: the consent must be given no later than the start.")
                .nl("Het casemanagement start op {0}, vóór de toestemming {1} van de persoon op {2}: de toestemming moet uiterlijk bij de start gegeven zijn.")
                .fr("Le case management commence le {0}, avant le consentement {1} de la personne du {2} : le consentement doit être donné au plus tard au début.")
                .de("Das Case Management beginnt am {0}, vor der Einwilligung {1} der Person vom {2}: Die Einwilligung muss spätestens zum Beginn vorliegen.")));
  }

  @Override
  public Set<String> recheckedOn() {
    return Set.of("Consent");
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    String patient = Episodes.patient(episode);
    if (patient == null) {
      return;
    }
    List<Consent> consents = context.record().consentsOf(patient).stream()
        .filter(consent -> consent.getStatus() == Consent.ConsentState.ACTIVE)
        .filter(consent -> IfpData.hasCode(consent.getCategory(), Canonicals.AGREEMENT_TYPE, CONSENT_TYPE))
        .filter(consent -> givenByPersonOrRepresentative(consent, patient, context.record()))
        .toList();
    if (consents.isEmpty()) {
      context.report("no-consent", Episodes.PATH, patient);
      return;
    }
    Optional<BaseDateTimeType> start = Episodes.start(episode);
    if (start.isEmpty() || consents.stream().anyMatch(c -> isDatedBy(c, start.get()))) {
      return;
    }
    Consent earliest = consents.stream()
        .min(Comparator.comparing(Consent::getDateTime))
        .orElseThrow();
    context.report("consent-after-start", Episodes.PERIOD_START, Episodes.text(start.get()),
        References.of(earliest), earliest.getDateTimeElement().getValueAsString());
  }

  /** Given no later than the start: on the start day at the latest when the start is a date. */
  private static boolean isDatedBy(Consent consent, BaseDateTimeType start) {
    return !consent.hasDateTime() || consent.getDateTime().getTime() < Periods.upperBound(start);
  }

  private static boolean givenByPersonOrRepresentative(Consent consent, String patient, CareRecord record) {
    for (Reference performer : consent.getPerformer()) {
      if (patient.equals(References.of(performer))) {
        return true;
      }
      if (Episodes.typeOf(performer, record).filter("RelatedPerson"::equals).isPresent()) {
        String reference = References.of(performer);
        Optional<RelatedPerson> person = Optional.ofNullable(reference)
            .flatMap(record::read)
            .filter(RelatedPerson.class::isInstance)
            .map(RelatedPerson.class::cast);
        // A representative that cannot be read is left to the reference checks.
        if (person.isEmpty() || patient.equals(References.of(person.get().getPatient()))) {
          return true;
        }
      }
    }
    return false;
  }
}
