package be.ifp.carecoord.rules.casemanagement;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.References;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * IFP-CM-02: the case manager is a PractitionerRole in the case-manager function
 * ({@code ifp-role#case-manager}, profile {@code ifp-case-manager-role}) with a profession that
 * may hold it: the eligible health and welfare professions, in Wallonia health professions only
 * or, when configured, the professions of the Walloon list.
 */
final class EligibleCaseManagerRule extends CaseManagementRule {

  private static final String PRACTITIONER_ROLE = "PractitionerRole";

  EligibleCaseManagerRule() {
    super("IFP-CM-02", "case-manager-eligible",
        "careManager is a PractitionerRole conforming to ifp-case-manager-role, profession in the eligible value sets (WAL: health professions only).",
        Severities.of("E E E E"),
        "001 L2330–2340, L1576–1577",
        List.of(
            Message.key("care-manager-not-practitioner-role")
                .en("The case manager {0} is a {1}, not a professional in the case-manager function (a PractitionerRole).")
                .nl("De casemanager {0} is een {1}, geen zorgverlener in de functie van casemanager (een PractitionerRole).")
                .fr("Le case manager {0} est un {1}, et non un professionnel dans la fonction de case manager (un PractitionerRole).")
                .de("Der Case Manager {0} ist ein {1}, keine Fachkraft in der Funktion des Case Managers (eine PractitionerRole)."),
            Message.key("role-without-case-manager-code")
                .en("The case manager {0} is not in the case-manager function: its codes lack ifp-role#case-manager.")
                .nl("De casemanager {0} heeft de functie van casemanager niet: de code ifp-role#case-manager ontbreekt.")
                .fr("Le case manager {0} n'exerce pas la fonction de case manager : le code ifp-role#case-manager manque.")
                .de("Der Case Manager {0} hat nicht die Funktion des Case Managers: Der Code ifp-role#case-manager fehlt."),
            Message.key("profession-not-eligible")
                .en("The case manager {0} has no profession that may hold the case-manager function in {1} (professions given: {2}).")
                .nl("De casemanager {0} heeft geen beroep dat de functie van casemanager mag opnemen in {1} (opgegeven beroepen: {2}).")
                .fr("Le case manager {0} n'a aucune profession autorisée à exercer la fonction de case manager en {1} (professions indiquées : {2}).")
                .de("Der Case Manager {0} hat keinen Beruf, der in {1} die Funktion des Case Managers ausüben darf (angegebene Berufe: {2}).")));
  }

  @Override
  void checkEpisode(EpisodeOfCare episode, RuleContext context) {
    if (!episode.hasCareManager()) {
      return;
    }
    Reference careManager = episode.getCareManager();
    String reference = References.of(careManager);
    Optional<String> type = Episodes.typeOf(careManager, context.record());
    if (type.isEmpty()) {
      return;
    }
    if (!PRACTITIONER_ROLE.equals(type.get())) {
      context.report("care-manager-not-practitioner-role", Episodes.CARE_MANAGER, reference, type.get());
      return;
    }
    Optional<PractitionerRole> role = context.record().read(reference)
        .filter(PractitionerRole.class::isInstance)
        .map(PractitionerRole.class::cast);
    if (role.isEmpty()) {
      return;
    }
    if (!IfpData.hasCode(role.get().getCode(), Canonicals.ROLE, IfpData.ROLE_CASE_MANAGER)) {
      context.report("role-without-case-manager-code", Episodes.CARE_MANAGER, reference);
    }
    List<Coding> professions = professions(role.get());
    if (professions.stream().noneMatch(p -> isEligible(p, context))) {
      context.report("profession-not-eligible", Episodes.CARE_MANAGER, reference,
          context.entity(), professions.isEmpty() ? "–"
              : professions.stream().map(Coding::getCode).collect(Collectors.joining(", ")));
    }
  }

  /** The role's codes that are not IFP functions: its professions. */
  private static List<Coding> professions(PractitionerRole role) {
    return role.getCode().stream()
        .flatMap(code -> code.getCoding().stream())
        .filter(coding -> !Canonicals.ROLE.equals(coding.getSystem()))
        .toList();
  }

  private static boolean isEligible(Coding profession, RuleContext context) {
    if (context.entity() != Entity.WAL) {
      return context.professions().isEligible(profession);
    }
    if (!context.settings().walCaseManagerProfessions().isEmpty()) {
      return context.settings().walCaseManagerProfessions().contains(profession.getCode());
    }
    return context.professions().isHealthProfession(profession);
  }
}
