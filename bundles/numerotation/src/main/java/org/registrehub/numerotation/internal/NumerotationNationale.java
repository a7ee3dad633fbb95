package org.registrehub.numerotation.internal;

import java.time.LocalDate;

import org.registrehub.api.NumerotationService;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreException;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.numerotation.spi.CompteurStore;

/**
 * Obtains the numéro unique from the national register: the hub then acts as a local departmental system, whose
 * numbers are the national ones. When the national register cannot be reached, the registration fails with
 * NATIONAL_INDISPONIBLE and nothing is written (the number of a demand is never made up locally in this mode). The
 * local counter is raised to every national number, so that going back to local numbering never reuses one.
 */
public class NumerotationNationale implements NumerotationService {

    static final String CODE_NUMERO_INVALIDE = "NUMERO_NATIONAL_INVALIDE";

    private final RegistreNational national;
    private final CompteurStore compteurs;

    public NumerotationNationale(RegistreNational national, CompteurStore compteurs) {
        this.national = national;
        this.compteurs = compteurs;
    }

    @Override
    public String attribuer(String commune, String guichet, LocalDate dateDepot) {
        throw new IllegalStateException("la numérotation nationale a besoin du demandeur");
    }

    @Override
    public String attribuer(String commune, String guichet, LocalDate dateDepot, Personne demandeur) {
        String territoire = NumeroUnique.territoire(commune);
        String numero = national.obtenirNumero(territoire, guichet, dateDepot, demandeur);
        if (numero == null || !NumeroUnique.estValide(numero) || !numero.startsWith(territoire)
                || !numero.endsWith(guichet)) {
            throw new RegistreException(CODE_NUMERO_INVALIDE, "Le registre national a répondu un numéro inattendu ("
                    + numero + ") pour le territoire " + territoire + " et le guichet " + guichet
                    + " ; la demande n'est pas enregistrée.");
        }
        // back to local numbering later, the hub's counter never hands this number out again
        compteurs.atteindre(numero.substring(0, 3), numero.substring(3, 7), Long.parseLong(numero.substring(7, 13)));
        return numero;
    }
}
