package be.ifp.carecoord.rules.identity;

import static be.ifp.carecoord.rules.identity.BelgianNumbers.twoDigits;

import be.ifp.carecoord.rules.Message;
import be.ifp.carecoord.rules.RuleContext;
import be.ifp.carecoord.rules.Severities;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

/**
 * IFP-ID-03: a NIHDI number is 11 digits. The 8-digit form and a failed check digit are only
 * warnings: the first is deprecated, and the official formula (modulo 97, or 89 for newer numbers)
 * is only partly confirmed (be-identifiers.md §2.3). Organisation numbers ({@code nihdi-organization},
 * or any NIHDI number of an Organization) get the format check alone.
 */
final class NihdiFormatRule extends IdentifierRule {

  NihdiFormatRule() {
    super("IFP-ID-03", "nihdi-format",
        "Every NIHDI identifier is 11 digits (8 digits: warning, deprecated); a failed check digit "
            + "is a warning (the official formula is only partly confirmed), and organisation "
            + "numbers are not check-digited.",
        Severities.of("E E E E"),
        Set.of(NIHDI, NIHDI_PROFESSIONAL, NIHDI_ORGANIZATION),
        List.of(
            Message.key("nihdi-format")
                .en("The NIHDI number {0} is not 11 digits (nor the deprecated 8): write it as 11 digits, without dots, dashes or spaces.")
                .nl("Het RIZIV-nummer {0} bestaat niet uit 11 cijfers (noch uit de verouderde 8): schrijf het als 11 cijfers, zonder punten, streepjes of spaties.")
                .fr("Le numéro INAMI {0} ne compte pas 11 chiffres (ni les 8 de l'ancienne forme) : écrivez-le en 11 chiffres, sans points, tirets ni espaces.")
                .de("Die LIKIV-Nummer {0} besteht nicht aus 11 Ziffern (auch nicht aus den veralteten 8): Schreiben Sie sie als 11 Ziffern, ohne Punkte, Bindestriche oder Leerzeichen."),
            Message.key("nihdi-eight-digits")
                .en("The NIHDI number {0} has the deprecated 8-digit form: please add the 3-digit competence code.")
                .nl("Het RIZIV-nummer {0} heeft de verouderde vorm van 8 cijfers: vul het aan met de bekwaamheidscode van 3 cijfers.")
                .fr("Le numéro INAMI {0} a la forme dépréciée à 8 chiffres : veuillez ajouter le code de compétence à 3 chiffres.")
                .de("Die LIKIV-Nummer {0} hat die veraltete Form mit 8 Ziffern: Bitte ergänzen Sie den dreistelligen Befähigungscode."),
            Message.key("nihdi-check-digit")
                .en("The NIHDI number {0} has check digits {1} (7th and 8th digit), which match neither the modulo-97 ({2}) nor the modulo-89 ({3}) scheme: please verify the number with NIHDI.")
                .nl("Het RIZIV-nummer {0} heeft controlecijfers {1} (7de en 8ste cijfer), die passen bij modulo 97 ({2}) noch bij modulo 89 ({3}): controleer het nummer bij het RIZIV.")
                .fr("Le numéro INAMI {0} a les chiffres de contrôle {1} (7e et 8e chiffres), qui ne correspondent ni au modulo 97 ({2}) ni au modulo 89 ({3}) : veuillez vérifier le numéro auprès de l'INAMI.")
                .de("Die LIKIV-Nummer {0} hat die Prüfziffern {1} (7. und 8. Ziffer), die weder zu Modulo 97 ({2}) noch zu Modulo 89 ({3}) passen: Bitte überprüfen Sie die Nummer beim LIKIV.")));
  }

  @Override
  void checkValue(Resource focus, String system, String value, String expression, RuleContext context) {
    if (!BelgianNumbers.hasNihdiFormat(value)) {
      context.report("nihdi-format", expression, value);
      return;
    }
    if (BelgianNumbers.isShortNihdi(value)) {
      context.warn("nihdi-eight-digits", expression, value);
    }
    boolean organisation = NIHDI_ORGANIZATION.equals(system) || focus instanceof Organization;
    if (!organisation && !BelgianNumbers.hasPlausibleNihdiCheck(value)) {
      context.warn("nihdi-check-digit", expression, value,
          twoDigits(BelgianNumbers.nihdiCheckWritten(value)),
          twoDigits(BelgianNumbers.nihdiCheckModulo97(value)),
          twoDigits(BelgianNumbers.nihdiCheckModulo89(value)));
    }
  }
}
