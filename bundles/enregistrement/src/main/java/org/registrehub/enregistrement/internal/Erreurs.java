package org.registrehub.enregistrement.internal;

import java.util.ArrayList;
import java.util.List;

import org.registrehub.api.ErreurChamp;

/** Collects field errors with their full path ({@code dossier.demandeur.nom}, {@code ...personnesACharge[1].nom}). */
final class Erreurs {

    private final List<ErreurChamp> liste = new ArrayList<>();

    void ajouter(String champ, String regle, Object valeur, String message) {
        liste.add(new ErreurChamp(champ, regle, valeur == null ? null : tronquer(String.valueOf(valeur)), message));
    }

    void obligatoire(String champ) {
        ajouter(champ, "obligatoire", null, "champ obligatoire");
    }

    /** True (and an error recorded) when {@code valeur} is null or blank. */
    boolean manquant(String champ, Object valeur) {
        if (valeur == null || (valeur instanceof String s && s.isBlank())) {
            obligatoire(champ);
            return true;
        }
        return false;
    }

    boolean vide() {
        return liste.isEmpty();
    }

    List<ErreurChamp> liste() {
        return List.copyOf(liste);
    }

    private static String tronquer(String valeur) {
        return valeur.length() > 60 ? valeur.substring(0, 60) + "…" : valeur;
    }
}
