package org.registrehub.enregistrement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.registrehub.api.Changement;
import org.registrehub.api.Demande;
import org.registrehub.api.spi.JsonCodec;

/**
 * The field-level difference between two states of a demand, on their JSON form (the same paths as the API and the
 * validation errors: {@code dossier.contact.email}, {@code dossier.personnesACharge[1].nom}, {@code statut}).
 */
final class Differences {

    private Differences() {
    }

    static List<Changement> entre(Demande avant, Demande apres, JsonCodec json) {
        List<Changement> changements = new ArrayList<>();
        comparer("", json.lire(json.ecrire(avant), Map.class), json.lire(json.ecrire(apres), Map.class), changements);
        changements.removeIf(c -> c.champ().equals("version"));
        return changements;
    }

    private static void comparer(String chemin, Object avant, Object apres, List<Changement> changements) {
        if (avant instanceof Map<?, ?> a && apres instanceof Map<?, ?> b) {
            TreeSet<String> cles = new TreeSet<>();
            a.keySet().forEach(k -> cles.add(k.toString()));
            b.keySet().forEach(k -> cles.add(k.toString()));
            for (String cle : cles) {
                comparer(chemin.isEmpty() ? cle : chemin + "." + cle, a.get(cle), b.get(cle), changements);
            }
        } else if (avant instanceof List<?> a && apres instanceof List<?> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                comparer(chemin + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null,
                        changements);
            }
        } else if ((avant instanceof Map || avant instanceof List) && apres == null
                || (apres instanceof Map || apres instanceof List) && avant == null) {
            comparer(chemin, avant == null ? vide(apres) : avant, apres == null ? vide(avant) : apres, changements);
        } else if (!Objects.equals(texte(avant), texte(apres))) {
            changements.add(new Changement(chemin, texte(avant), texte(apres)));
        }
    }

    private static Object vide(Object forme) {
        return forme instanceof Map ? Map.of() : List.of();
    }

    /** Numbers compare by value: 520, 520.0 and 520.00 are the same rent. */
    private static String texte(Object valeur) {
        if (valeur instanceof Number) {
            return new BigDecimal(valeur.toString()).stripTrailingZeros().toPlainString();
        }
        return valeur == null ? null : valeur.toString();
    }
}
