package org.registrehub.enregistrement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.registrehub.api.Contexte;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonAilleurs;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.registre.spi.DemandeStore.DoublonSitue;

/**
 * The duplicates of an applicant as the caller may see them: in full within its perimeter (its départements, or a
 * wished commune of its EPCI — the rule of {@link Autorisations#lire}), by territory and number elsewhere.
 */
record DoublonsVus(List<Doublon> visibles, List<DoublonAilleurs> ailleurs) {

    static DoublonsVus pour(Contexte contexte, List<DoublonSitue> trouves) {
        Identite i = contexte.identite();
        List<Doublon> visibles = new ArrayList<>();
        Map<String, Integer> parTerritoire = new TreeMap<>();
        for (DoublonSitue d : trouves) {
            if (Autorisations.dansPerimetre(i, d.territoire(), d.communes())) {
                visibles.add(d.doublon());
            } else {
                parTerritoire.merge(d.territoire(), 1, Integer::sum);
            }
        }
        return new DoublonsVus(visibles, parTerritoire.entrySet().stream()
                .map(e -> new DoublonAilleurs(e.getKey(), e.getValue())).toList());
    }

    DoublonPresumeException refus() {
        return new DoublonPresumeException(visibles, ailleurs);
    }

    /** For the history and the audit: the numéros within the perimeter, the number elsewhere. */
    String resume() {
        List<String> parties = new ArrayList<>();
        visibles.forEach(d -> parties.add(d.numeroUnique() + " (" + d.critere() + ")"));
        ailleurs.forEach(a -> parties.add(a.nombre() + " hors périmètre (territoire " + a.territoire() + ")"));
        return parties.stream().collect(Collectors.joining(", "));
    }
}
