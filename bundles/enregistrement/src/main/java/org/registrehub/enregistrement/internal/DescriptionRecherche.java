package org.registrehub.enregistrement.internal;

import java.util.ArrayList;
import java.util.List;

import org.registrehub.api.CriteresRecherche;

/** The criteria of a search as the audit trail records them: {@code nom=martin, commune=44109, page 0}. */
final class DescriptionRecherche {

    private DescriptionRecherche() {
    }

    static String de(CriteresRecherche c, int page) {
        List<String> parties = new ArrayList<>();
        ajouter(parties, "numeroUnique", c.numeroUnique());
        ajouter(parties, "nom", c.nom());
        ajouter(parties, "prenom", c.prenom());
        ajouter(parties, "dateNaissance", c.dateNaissance());
        ajouter(parties, "commune", c.commune());
        ajouter(parties, "territoire", c.territoire());
        ajouter(parties, "guichet", c.guichet());
        ajouter(parties, "statut", c.statut());
        ajouter(parties, "typologie", c.typologie());
        ajouter(parties, "depotDu", c.depotDu());
        ajouter(parties, "depotAu", c.depotAu());
        ajouter(parties, "validiteDu", c.validiteDu());
        ajouter(parties, "validiteAu", c.validiteAu());
        parties.add("page " + page);
        return String.join(", ", parties);
    }

    private static void ajouter(List<String> parties, String nom, Object valeur) {
        if (valeur != null) {
            parties.add(nom + "=" + valeur);
        }
    }
}
