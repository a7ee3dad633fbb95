package org.registrehub.numerotation.internal;

import java.time.LocalDate;

import org.registrehub.api.NumerotationService;
import org.registrehub.api.RegistreException;
import org.registrehub.api.numerotation.spi.CompteurStore;

/**
 * Allocates numéros uniques from the database counters. The counter is incremented in its own committed transaction:
 * a number is never handed out twice and never reused, even if the registration that asked for it fails (the
 * sequence may then have a gap, which the national rules allow). The local numbering of {@link NumerotationChoisie}.
 */
public class NumerotationBaseDeDonnees implements NumerotationService {

    static final String CODE_EPUISE = "NUMEROTATION_EPUISEE";

    private final CompteurStore compteurs;

    public NumerotationBaseDeDonnees(CompteurStore compteurs) {
        this.compteurs = compteurs;
    }

    @Override
    public String attribuer(String commune, String guichet, LocalDate dateDepot) {
        String territoire = NumeroUnique.territoire(commune);
        String moisAnnee = NumeroUnique.moisAnnee(dateDepot);
        long sequence = compteurs.suivant(territoire, moisAnnee);
        if (sequence > NumeroUnique.SEQUENCE_MAX) {
            throw new RegistreException(CODE_EPUISE, "Plus aucun numéro disponible pour le territoire " + territoire
                    + " en " + moisAnnee + " (" + NumeroUnique.SEQUENCE_MAX + " déjà attribués).");
        }
        return NumeroUnique.formater(territoire, moisAnnee, sequence, guichet);
    }

    @Override
    public java.util.List<String> attribuerLocalement(String territoire, LocalDate dateDepot,
                                                      java.util.List<String> guichets) {
        if (guichets.isEmpty()) {
            return java.util.List.of();
        }
        String moisAnnee = NumeroUnique.moisAnnee(dateDepot);
        long dernier = compteurs.reserver(territoire, moisAnnee, guichets.size());
        if (dernier > NumeroUnique.SEQUENCE_MAX) {
            throw new RegistreException(CODE_EPUISE, "Plus assez de numéros pour le territoire " + territoire
                    + " en " + moisAnnee + " (" + NumeroUnique.SEQUENCE_MAX + " au plus).");
        }
        java.util.List<String> numeros = new java.util.ArrayList<>(guichets.size());
        long sequence = dernier - guichets.size() + 1;
        for (String guichet : guichets) {
            numeros.add(NumeroUnique.formater(territoire, moisAnnee, sequence++, guichet));
        }
        return numeros;
    }
}
