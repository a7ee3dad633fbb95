package org.registrehub.enregistrement.internal;

import java.util.List;

import org.registrehub.api.Attribution;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MotifRadiation;

/** What a radiation must carry, per reason (CCH R441-2-8). */
final class ValidateurRadiation {

    private ValidateurRadiation() {
    }

    static List<ErreurChamp> valider(DemandeRadiation r) {
        Erreurs e = new Erreurs();
        if (r == null) {
            e.ajouter("radiation", "obligatoire", null, "la radiation est absente");
            return e.liste();
        }
        if (e.manquant("radiation.motif", r.motif())) {
            return e.liste();
        }
        if (r.motif() == MotifRadiation.ATTRIBUTION) {
            Attribution a = r.attribution();
            if (!e.manquant("radiation.attribution", a)) {
                e.manquant("radiation.attribution.bailleur", a.bailleur());
                if (!e.manquant("radiation.attribution.identifiantRpls", a.identifiantRpls())
                        && !a.identifiantRpls().strip().matches("^[0-9A-Za-z]{1,20}$")) {
                    e.ajouter("radiation.attribution.identifiantRpls", "format", a.identifiantRpls(),
                            "identifiant RPLS du logement attendu : 1 à 20 lettres ou chiffres");
                }
                e.manquant("radiation.attribution.reservataire", a.reservataire());
                e.manquant("radiation.attribution.dalo", a.dalo());
            }
        } else if (r.attribution() != null) {
            e.ajouter("radiation.attribution", "coherence", r.motif(),
                    "le logement attribué ne se déclare qu'avec le motif ATTRIBUTION");
        }
        if (r.motif() == MotifRadiation.IRRECEVABILITE) {
            if (r.motifIrrecevabilite() == null) {
                e.ajouter("radiation.motifIrrecevabilite", "obligatoire", null,
                        "motif d'irrecevabilité obligatoire (RESSOURCES_SUPERIEURES_PLAFOND, SEJOUR_IRREGULIER, AUTRE)");
            }
        } else if (r.motifIrrecevabilite() != null) {
            e.ajouter("radiation.motifIrrecevabilite", "coherence", r.motifIrrecevabilite(),
                    "le motif d'irrecevabilité ne se déclare qu'avec le motif IRRECEVABILITE");
        }
        if (r.commentaire() != null && r.commentaire().length() > 1000) {
            e.ajouter("radiation.commentaire", "longueur", r.commentaire(), "au plus 1000 caractères");
        }
        return e.liste();
    }
}
