package be.ifp.carecoord.rules.identity;

import static be.ifp.carecoord.rules.identity.BelgianNumbers.twoDigits;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/** IFP-ID-02: a CBE enterprise number is 10 digits, starts with 0 or 1, with valid check digits. */
final class CbeCheckDigitRule extends IdentifierRule {

  CbeCheckDigitRule() {
    super("IFP-ID-02", "cbe-check-digit",
        "Every CBE identifier is 10 digits, first digit 0 or 1, valid check digits.",
        Severities.of("E E E E"),
        Set.of(CBE),
        List.of(
            Message.key("cbe-format")
                .en("The CBE enterprise number {0} is not 10 digits: write it as 10 digits, without dots, spaces or the BE prefix.")
                .nl("Het KBO-ondernemingsnummer {0} bestaat niet uit 10 cijfers: schrijf het als 10 cijfers, zonder punten, spaties of het voorvoegsel BE.")
                .fr("Le numéro d'entreprise BCE {0} ne compte pas 10 chiffres : écrivez-le en 10 chiffres, sans points, espaces ni préfixe BE.")
                .de("Die ZDU-Unternehmensnummer {0} besteht nicht aus 10 Ziffern: Schreiben Sie sie als 10 Ziffern, ohne Punkte, Leerzeichen oder das Präfix BE."),
            Message.key("cbe-first-digit")
                .en("The CBE number {0} starts with {1}: an enterprise number starts with 0 or 1 (numbers starting with 2 to 9 identify establishment units, not enterprises).")
                .nl("Het KBO-nummer {0} begint met {1}: een ondernemingsnummer begint met 0 of 1 (nummers die met 2 tot 9 beginnen zijn vestigingseenheden, geen ondernemingen).")
                .fr("Le numéro BCE {0} commence par {1} : un numéro d'entreprise commence par 0 ou 1 (les numéros commençant par 2 à 9 désignent des unités d'établissement, pas des entreprises).")
                .de("Die ZDU-Nummer {0} beginnt mit {1}: Eine Unternehmensnummer beginnt mit 0 oder 1 (Nummern, die mit 2 bis 9 beginnen, bezeichnen Niederlassungseinheiten, keine Unternehmen)."),
            Message.key("cbe-check-digit")
                .en("The CBE enterprise number {0} ends in check digits {1}, but they should be {2}: the number is probably mistyped.")
                .nl("Het KBO-ondernemingsnummer {0} eindigt op controlecijfers {1}, maar die moeten {2} zijn: het nummer is wellicht verkeerd overgenomen.")
                .fr("Le numéro d'entreprise BCE {0} se termine par les chiffres de contrôle {1}, qui devraient être {2} : le numéro a probablement été mal recopié.")
                .de("Die ZDU-Unternehmensnummer {0} endet auf die Prüfziffern {1}, diese müssten aber {2} lauten: Die Nummer wurde wahrscheinlich falsch übernommen.")));
  }

  @Override
  void checkValue(Resource focus, String system, String value, String expression, RuleContext context) {
    if (!BelgianNumbers.hasCbeFormat(value)) {
      context.report("cbe-format", expression, value);
    } else if (!BelgianNumbers.isEnterpriseNumber(value)) {
      context.report("cbe-first-digit", expression, value, value.substring(0, 1));
    } else if (!BelgianNumbers.isValidCbe(value)) {
      context.report("cbe-check-digit", expression, value,
          twoDigits(BelgianNumbers.cbeCheckWritten(value)), twoDigits(BelgianNumbers.cbeCheck(value)));
    }
  }
}
