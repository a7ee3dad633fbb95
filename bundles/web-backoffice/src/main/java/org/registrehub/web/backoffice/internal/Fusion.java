package org.registrehub.web.backoffice.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.registrehub.web.commun.LibellesChamps;

/**
 * A modification that met a concurrent one (optimistic locking): a three-way merge of the form's values. From the
 * version the agent started from ({@code base}), what the register holds now ({@code actuel}) and what the agent typed
 * ({@code saisie}): a field only the other side changed takes its new value, a field only the agent changed keeps the
 * agent's, a field both changed differently keeps the agent's and is flagged with the other's value. Nothing typed is
 * lost, nothing changed meanwhile is silently undone.
 *
 * @param valeurs   the merged values, to show in the form again
 * @param conflits  the fields both sides changed differently, with what the other side wrote
 * @param repris    the fields taken from the other side
 */
record Fusion(Map<String, List<String>> valeurs, Map<String, String> conflits, List<String> repris) {

    static Fusion de(Map<String, List<String>> base, Map<String, List<String>> actuel,
                     Map<String, List<String>> saisie) {
        TreeSet<String> champs = new TreeSet<>();
        champs.addAll(base.keySet());
        champs.addAll(actuel.keySet());
        champs.addAll(saisie.keySet());
        Map<String, List<String>> v = new TreeMap<>();
        Map<String, String> conflits = new TreeMap<>();
        List<String> repris = new java.util.ArrayList<>();
        for (String c : champs) {
            List<String> b = propre(base.get(c));
            List<String> a = propre(actuel.get(c));
            List<String> s = propre(saisie.get(c));
            List<String> retenu;
            if (s.equals(b)) {
                retenu = a;
                if (!a.equals(b)) {
                    repris.add(c);
                }
            } else if (a.equals(b) || a.equals(s)) {
                retenu = s;
            } else {
                retenu = s;
                conflits.put(c, "modifié entre-temps en « " + LibellesChamps.valeur(c, a.isEmpty() ? null
                        : String.join(", ", a)) + " » : votre saisie est gardée, choisissez la bonne valeur");
            }
            if (!retenu.isEmpty()) {
                v.put(c, retenu);
            }
        }
        return new Fusion(v, conflits, List.copyOf(repris));
    }

    private static List<String> propre(List<String> l) {
        return l == null ? List.of() : l.stream().filter(Objects::nonNull).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }
}
