package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.CareRecord;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Individuals;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.Periods;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-TM-06: the person agreed to their reimbursable coordinator. Each reimbursable coordinator
 * participant of an active team needs an active {@code ifp-agreement} Consent of type
 * coordinator-agreement for the team's subject, given by the Patient or a RelatedPerson of the
 * Patient (informal carer or representative), whose {@code provision.actor} names the same
 * individual as the participant (the PractitionerRole itself, another role of the same
 * practitioner, or the Practitioner), dated no later than the day the participant's period starts.
 *
 * <p>Re-checked on Consent: revoking (status inactive or rejected) or deleting the agreement
 * re-checks the person's active teams.
 */
final class CoordinatorAgreementRule extends TeamRule {

  private static final String COORDINATOR_AGREEMENT = "coordinator-agreement";

  CoordinatorAgreementRule() {
    super("IFP-TM-06", "coordinator-agreement",
        "A reimbursable coordinator has an active ifp-agreement Consent of type "
            + "coordinator-agreement, for this patient, given by the Patient, a RelatedPerson of this "
            + "patient, or a representative, naming that professional, dated no later than the "
            + "participant's period start.",
        Severities.of("E E E E"),
        "001 L2147–2149; 003 L1134–1138",
        List.of(
            Message.key("no-agreement")
                .en("Reimbursable coordinator {0} has no coordinator agreement (Consent of type "
                    + "coordinator-agreement) of the person {1} that names this professional.")
                .nl("Voor terugbetaalde coördinator {0} is er geen akkoord over de zorg- en "
                    + "welzijnscoördinator (Consent van het type coordinator-agreement) van de "
                    + "persoon {1} dat deze professional noemt.")
                .fr("Pour le coordinateur remboursé {0}, il n'y a pas d'accord sur le coordinateur "
                    + "(Consent de type coordinator-agreement) de la personne {1} qui désigne ce "
                    + "professionnel.")
                .de("Für den erstattungsfähigen Gesundheitskoordinator {0} liegt keine Zustimmung "
                    + "(Consent vom Typ coordinator-agreement) der Person {1} vor, die diese Fachkraft "
                    + "nennt."),
            Message.key("agreement-not-active")
                .en("The coordinator agreement {1} for reimbursable coordinator {0} is no longer in "
                    + "force (status {2}): the person must agree to their coordinator.")
                .nl("Het akkoord {1} over terugbetaalde coördinator {0} geldt niet meer (status {2}): "
                    + "de persoon moet akkoord gaan met de coördinator.")
                .fr("L'accord {1} sur le coordinateur remboursé {0} n'est plus en vigueur (statut {2}) : "
                    + "la personne doit marquer son accord sur son coordinateur.")
                .de("Die Zustimmung {1} zum erstattungsfähigen Gesundheitskoordinator {0} gilt nicht "
                    + "mehr (Status {2}): Die Person muss ihrem Koordinator zustimmen."),
            Message.key("agreement-not-by-person")
                .en("The coordinator agreement {1} for reimbursable coordinator {0} is given by {2}, "
                    + "not by the person, one of their informal carers or their representative.")
                .nl("Het akkoord {1} over terugbetaalde coördinator {0} is gegeven door {2}, niet door "
                    + "de persoon, een mantelzorger of een vertegenwoordiger van de persoon.")
                .fr("L'accord {1} sur le coordinateur remboursé {0} est donné par {2}, et non par la "
                    + "personne, un de ses aidants proches ou son représentant.")
                .de("Die Zustimmung {1} zum erstattungsfähigen Gesundheitskoordinator {0} wurde von {2} "
                    + "gegeben, nicht von der Person, einer informellen Pflegeperson oder ihrem "
                    + "Vertreter."),
            Message.key("agreement-after-start")
                .en("The coordinator agreement {1} for reimbursable coordinator {0} is dated {2}, "
                    + "after the coordination started on {3}.")
                .nl("Het akkoord {1} over terugbetaalde coördinator {0} dateert van {2}, na de start "
                    + "van de coördinatie op {3}.")
                .fr("L'accord {1} sur le coordinateur remboursé {0} est daté du {2}, après le début de "
                    + "la coordination le {3}.")
                .de("Die Zustimmung {1} zum erstattungsfähigen Gesundheitskoordinator {0} ist vom {2}, "
                    + "nach dem Beginn der Koordination am {3}.")));
  }

  @Override
  public Set<String> recheckedOn() {
    return Set.of("Consent");
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    List<Consent> agreements = context.record().consentsOf(subject).stream()
        .filter(c -> IfpData.hasCode(c.getCategory(), Canonicals.AGREEMENT_TYPE, COORDINATOR_AGREEMENT))
        .filter(c -> subject.equals(References.of(c.getPatient())))
        .toList();
    Individuals individuals = context.individuals();
    for (Participant coordinator : Participant.coordinatorsOf(team)) {
      // Once a coordinator's period has ended, the person may withdraw the agreement.
      if (IfpData.isReimbursable(coordinator.element())
          && coordinator.member() != null
          && !Periods.endsBefore(coordinator.period(), context.now())) {
        List<Consent> naming = agreements.stream()
            .filter(c -> names(c, coordinator.memberReference(), individuals))
            .toList();
        checkAgreements(coordinator, naming, subject, context);
      }
    }
  }

  /** Reports the most telling defect of the agreements that name the coordinator, if none holds. */
  private static void checkAgreements(Participant coordinator, List<Consent> naming,
      String subject, RuleContext context) {
    String member = coordinator.member();
    if (naming.isEmpty()) {
      context.report("no-agreement", coordinator.expression(), member, subject);
      return;
    }
    List<Consent> active = naming.stream()
        .filter(c -> c.getStatus() == Consent.ConsentState.ACTIVE).toList();
    if (active.isEmpty()) {
      Consent revoked = naming.get(0);
      context.report("agreement-not-active", coordinator.expression(), member,
          References.of(revoked), revoked.getStatus() == null ? "?" : revoked.getStatus().toCode());
      return;
    }
    List<Consent> byPerson = active.stream()
        .filter(c -> givenByPersonSide(c, subject, context.record())).toList();
    if (byPerson.isEmpty()) {
      Consent other = active.get(0);
      context.report("agreement-not-by-person", coordinator.expression(), member,
          References.of(other), performers(other));
      return;
    }
    Optional<Consent> inTime = byPerson.stream()
        .filter(c -> datedInTime(c, coordinator)).findFirst();
    if (inTime.isEmpty()) {
      Consent late = byPerson.get(0);
      context.report("agreement-after-start", coordinator.expression(), member,
          References.of(late), late.getDateTimeElement().getValueAsString(), coordinator.start());
    }
  }

  /** Whether the agreement's provision names the same individual as the coordinator. */
  private static boolean names(Consent consent, Reference member, Individuals individuals) {
    return consent.getProvision().getActor().stream()
        .map(Consent.provisionActorComponent::getReference)
        .anyMatch(actor -> References.of(actor) != null && individuals.same(actor, member));
  }

  /**
   * Whether a performer is the person or a RelatedPerson of the person (informal carer or
   * representative). A RelatedPerson that cannot be read is given the benefit of the doubt:
   * reference integrity is checked elsewhere.
   */
  private static boolean givenByPersonSide(Consent consent, String subject, CareRecord record) {
    for (Reference performer : consent.getPerformer()) {
      String reference = References.of(performer);
      if (reference == null) {
        continue;
      }
      if (subject.equals(reference)) {
        return true;
      }
      Optional<Resource> read = record.read(reference);
      if (read.isEmpty() ? reference.startsWith("RelatedPerson/") : isRelatedPersonOf(read.get(), subject)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRelatedPersonOf(Resource resource, String subject) {
    return resource instanceof RelatedPerson related
        && subject.equals(References.of(related.getPatient()));
  }

  /** Dated no later than the day (at the start's precision) the coordination starts. */
  private static boolean datedInTime(Consent consent, Participant coordinator) {
    Period period = coordinator.period();
    if (!consent.hasDateTime() || period == null || !period.hasStart()) {
      return true;
    }
    return consent.getDateTimeElement().getValue().getTime()
        < Periods.upperBound(period.getStartElement());
  }

  private static String performers(Consent consent) {
    List<String> references = consent.getPerformer().stream()
        .map(References::of).filter(Objects::nonNull).toList();
    return references.isEmpty() ? "?" : String.join(", ", references);
  }
}
