package be.ifp.carecoord.rules.team;

import be.ifp.carecoord.domain.Canonicals;
import be.ifp.carecoord.rules.Entity;
import be.ifp.carecoord.rules.IfpData;
import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * IFP-TM-05: who may be a coordinator. Every coordinator participant says whether the
 * coordination is reimbursable; a reimbursable coordinator is a PractitionerRole in the
 * coordinator role ({@code ifp-coordinator-role}) with an eligible profession (in Wallonia, when
 * the operator configured a list, a profession on that list); a non-reimbursable coordinator may
 * also be the Patient or a RelatedPerson.
 */
final class EligibleCoordinatorRule extends TeamRule {

  private static final String REIMBURSABLE = "reimbursable";
  private static final String NON_REIMBURSABLE = "non-reimbursable";
  private static final Set<String> NON_REIMBURSABLE_MEMBERS =
      Set.of("PractitionerRole", "Patient", "RelatedPerson");

  EligibleCoordinatorRule() {
    super("IFP-TM-05", "coordinator-eligible",
        "A coordinator participant carries `coordination-type`; a reimbursable one is a "
            + "PractitionerRole conforming to `ifp-coordinator-role` with a profession in the "
            + "eligible value sets (WAL: its configured list); a non-reimbursable one may also be "
            + "the Patient or a RelatedPerson.",
        Severities.of("E E E E"),
        "001 L2032–2034, L2161–2171; 003 L1165–1173, L1582–1586",
        List.of(
            Message.key("coordination-type-missing")
                .en("The coordinator {0} does not say whether the coordination is reimbursable or non-reimbursable (extension coordination-type).")
                .nl("Bij de coördinator {0} staat niet of de coördinatie vergoedbaar of niet-vergoedbaar is (extensie coordination-type).")
                .fr("Le coordinateur {0} n'indique pas si la coordination est remboursable ou non remboursable (extension coordination-type).")
                .de("Beim Koordinator {0} ist nicht angegeben, ob die Koordination erstattungsfähig oder nicht erstattungsfähig ist (Extension coordination-type)."),
            Message.key("reimbursable-not-practitioner-role")
                .en("The reimbursable coordinator {0} is a {1}, not a professional in the coordinator role (PractitionerRole): only a professional can hold reimbursable coordination.")
                .nl("De vergoedbare coördinator {0} is een {1}, geen professional in de rol van coördinator (PractitionerRole): enkel een professional kan vergoedbare coördinatie opnemen.")
                .fr("Le coordinateur remboursable {0} est un {1}, pas un professionnel dans le rôle de coordinateur (PractitionerRole) : seul un professionnel peut assurer une coordination remboursable.")
                .de("Der erstattungsfähige Koordinator {0} ist ein {1}, keine Fachkraft in der Rolle des Koordinators (PractitionerRole): Nur eine Fachkraft kann die erstattungsfähige Koordination übernehmen."),
            Message.key("role-not-coordinator")
                .en("The role {0} of the reimbursable coordinator is not a coordinator role: its code lacks ifp-role#care-welfare-coordinator.")
                .nl("De rol {0} van de vergoedbare coördinator is geen coördinatorrol: de code ifp-role#care-welfare-coordinator ontbreekt.")
                .fr("Le rôle {0} du coordinateur remboursable n'est pas un rôle de coordinateur : le code ifp-role#care-welfare-coordinator manque.")
                .de("Die Rolle {0} des erstattungsfähigen Koordinators ist keine Koordinatorrolle: Der Code ifp-role#care-welfare-coordinator fehlt."),
            Message.key("profession-not-eligible")
                .en("The reimbursable coordinator {0} has no profession that may hold the coordination (professions given: {1}): a care or welfare profession of the eligible lists is required.")
                .nl("De vergoedbare coördinator {0} heeft geen beroep dat de coördinatie mag opnemen (opgegeven beroepen: {1}): een zorg- of welzijnsberoep uit de toegelaten lijsten is vereist.")
                .fr("Le coordinateur remboursable {0} n'a aucune profession habilitée à la coordination (professions indiquées : {1}) : une profession de l'aide ou des soins des listes admises est requise.")
                .de("Der erstattungsfähige Koordinator {0} hat keinen Beruf, der die Koordination übernehmen darf (angegebene Berufe: {1}): Ein Pflege- oder Sozialberuf aus den zugelassenen Listen ist erforderlich."),
            Message.key("profession-not-on-wal-list")
                .en("The reimbursable coordinator {0} has no profession on Wallonia's list of coordinator professions (professions given: {1}; allowed: {2}).")
                .nl("De vergoedbare coördinator {0} heeft geen beroep uit de Waalse lijst van coördinatorberoepen (opgegeven beroepen: {1}; toegelaten: {2}).")
                .fr("Le coordinateur remboursable {0} n'a aucune profession de la liste wallonne des professions de coordinateur (professions indiquées : {1} ; admises : {2}).")
                .de("Der erstattungsfähige Koordinator {0} hat keinen Beruf aus der wallonischen Liste der Koordinatorberufe (angegebene Berufe: {1}; zugelassen: {2})."),
            Message.key("non-reimbursable-member")
                .en("The non-reimbursable coordinator {0} is a {1}: it must be a professional (PractitionerRole), the person (Patient) or someone close to them (RelatedPerson).")
                .nl("De niet-vergoedbare coördinator {0} is een {1}: dat moet een professional (PractitionerRole), de persoon zelf (Patient) of iemand uit diens omgeving (RelatedPerson) zijn.")
                .fr("Le coordinateur non remboursable {0} est un {1} : ce doit être un professionnel (PractitionerRole), la personne elle-même (Patient) ou un proche (RelatedPerson).")
                .de("Der nicht erstattungsfähige Koordinator {0} ist ein {1}: Es muss eine Fachkraft (PractitionerRole), die Person selbst (Patient) oder eine ihr nahestehende Person (RelatedPerson) sein.")));
  }

  /** Who may coordinate holds whatever the team's status; only withdrawn data is left alone. */
  @Override
  boolean appliesToTeam(CareTeam team) {
    return !isWithdrawn(team);
  }

  @Override
  void checkTeam(CareTeam team, String subject, RuleContext context) {
    for (Participant coordinator : Participant.coordinatorsOf(team)) {
      String member = coordinator.member();
      if (IfpData.extension(coordinator.element(), IfpData.COORDINATION_TYPE).isEmpty()) {
        context.report("coordination-type-missing", coordinator.expression(),
            member == null ? "–" : member);
        continue;
      }
      Optional<String> memberType = coordinator.memberType(context);
      if (memberType.isEmpty()) {
        continue; // no member, or one that cannot be read: the profile and reference checks see to it
      }
      String type = IfpData.coordinationType(coordinator.element()).orElse("");
      if (REIMBURSABLE.equals(type)) {
        checkReimbursable(coordinator, memberType.get(), context);
      } else if (NON_REIMBURSABLE.equals(type) && !NON_REIMBURSABLE_MEMBERS.contains(memberType.get())) {
        context.report("non-reimbursable-member", coordinator.expression(), member, memberType.get());
      }
    }
  }

  private static void checkReimbursable(
      Participant coordinator, String memberType, RuleContext context) {
    String expression = coordinator.expression();
    String member = coordinator.member();
    if (!"PractitionerRole".equals(memberType)) {
      context.report("reimbursable-not-practitioner-role", expression, member, memberType);
      return;
    }
    Optional<PractitionerRole> role = coordinator.role(context);
    if (role.isEmpty()) {
      return;
    }
    if (!IfpData.hasCode(role.get().getCode(), Canonicals.ROLE, IfpData.ROLE_COORDINATOR)) {
      context.report("role-not-coordinator", expression, member);
    }
    List<Coding> professions = Participant.professions(role.get());
    Set<String> walList = context.settings().walCoordinatorProfessions();
    if (context.entity() == Entity.WAL && !walList.isEmpty()) {
      if (professions.stream().noneMatch(p -> walList.contains(p.getCode()))) {
        context.report("profession-not-on-wal-list", expression, member,
            codes(professions), String.join(", ", new TreeSet<>(walList)));
      }
    } else if (professions.stream().noneMatch(context.professions()::isEligible)) {
      context.report("profession-not-eligible", expression, member, codes(professions));
    }
  }

  /** The codes of the professions, for messages: {@code persnurse, perssocialworker}, or {@code –}. */
  private static String codes(List<Coding> professions) {
    if (professions.isEmpty()) {
      return "–";
    }
    return String.join(", ", professions.stream().map(Coding::getCode).distinct().toList());
  }
}
