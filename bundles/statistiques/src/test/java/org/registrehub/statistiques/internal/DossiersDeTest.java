package org.registrehub.statistiques.internal;

import java.util.List;

import org.registrehub.api.Dossier;
import org.registrehub.api.LogementRecherche;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.PersonneBuilder;

/** The example dossier made an applicant of its own (no NIR, a first name from n) wishing one commune. */
final class DossiersDeTest {

    private DossiersDeTest() {
    }

    static Dossier dossier(String nom, String prefixe, String commune, int n) {
        Dossier d = Exemples.dossier(nom);
        StringBuilder prenom = new StringBuilder(prefixe);
        for (int i = n; i > 0 || prenom.length() == prefixe.length(); i /= 26) {
            prenom.append((char) ('a' + i % 26));
        }
        LogementRecherche l = d.logementRecherche();
        return DossierBuilder.builder(d).demandeur(PersonneBuilder.builder(d.demandeur()).nir(null).prenoms(prenom.toString())
                .build()).logementRecherche(new LogementRecherche(l.typologies(), List.of(commune), l.loyerMax(),
                l.ascenseur(), l.rezDeChaussee(), l.parking())).build();
    }
}
