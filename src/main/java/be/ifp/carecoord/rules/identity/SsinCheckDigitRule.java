package be.ifp.carecoord.rules.identity;

import static be.ifp.carecoord.rules.identity.BelgianNumbers.twoDigits;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/** IFP-ID-01: an SSIN (national register or BIS number) is 11 digits with valid check digits. */
final class SsinCheckDigitRule extends IdentifierRule {

  SsinCheckDigitRule() {
    super("IFP-ID-01", "ssin-check-digit",
        "Every identifier with the SSIN system is 11 digits with a valid modulo-97 check (both the "
            + "pre-2000 and the 2000+ variant).",
        Severities.of("E E E E"),
        Set.of(SSIN),
        List.of(
            Message.key("ssin-format")
                .en("The SSIN {0} is not 11 digits: write the national register or BIS number as 11 digits, without dots, dashes or spaces.")
                .nl("Het INSZ {0} bestaat niet uit 11 cijfers: schrijf het rijksregister- of bisnummer als 11 cijfers, zonder punten, streepjes of spaties.")
                .fr("Le NISS {0} ne compte pas 11 chiffres : écrivez le numéro de registre national ou bis en 11 chiffres, sans points, tirets ni espaces.")
                .de("Die INSS {0} besteht nicht aus 11 Ziffern: Schreiben Sie die Nationalregister- oder BIS-Nummer als 11 Ziffern, ohne Punkte, Bindestriche oder Leerzeichen."),
            Message.key("ssin-check-digit")
                .en("The SSIN {0} ends in check digits {1}, but they should be {2} (born before 2000) or {3} (born in 2000 or later): the number is probably mistyped.")
                .nl("Het INSZ {0} eindigt op controlecijfers {1}, maar die moeten {2} (geboren vóór 2000) of {3} (geboren in 2000 of later) zijn: het nummer is wellicht verkeerd overgenomen.")
                .fr("Le NISS {0} se termine par les chiffres de contrôle {1}, qui devraient être {2} (né avant 2000) ou {3} (né en 2000 ou après) : le numéro a probablement été mal recopié.")
                .de("Die INSS {0} endet auf die Prüfziffern {1}, diese müssten aber {2} (geboren vor 2000) oder {3} (geboren 2000 oder später) lauten: Die Nummer wurde wahrscheinlich falsch übernommen.")));
  }

  @Override
  void checkValue(Resource focus, String system, String value, String expression, RuleContext context) {
    if (!BelgianNumbers.hasSsinFormat(value)) {
      context.report("ssin-format", expression, value);
    } else if (!BelgianNumbers.isValidSsin(value)) {
      context.report("ssin-check-digit", expression, value,
          twoDigits(BelgianNumbers.ssinCheckWritten(value)),
          twoDigits(BelgianNumbers.ssinCheckBefore2000(value)),
          twoDigits(BelgianNumbers.ssinCheckFrom2000(value)));
    }
  }
}
