package org.registrehub.rest.commun;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Tri;
import org.registrehub.api.Typologie;

/** Reads the query parameters of a search, collecting one error per malformed parameter. */
public final class ParametresRecherche {

    private final List<ErreurChamp> erreurs = new ArrayList<>();

    public String texte(String valeur) {
        return valeur == null || valeur.isBlank() ? null : valeur.strip();
    }

    public LocalDate date(String nom, String valeur) {
        if (texte(valeur) == null) {
            return null;
        }
        try {
            return LocalDate.parse(valeur.strip());
        } catch (DateTimeParseException e) {
            erreurs.add(new ErreurChamp(nom, "format", valeur, "date attendue au format AAAA-MM-JJ"));
            return null;
        }
    }

    public <E extends Enum<E>> E valeur(String nom, String valeur, Class<E> type) {
        if (texte(valeur) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, valeur.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            erreurs.add(new ErreurChamp(nom, "valeur-autorisee", valeur, "valeurs permises : "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    public Typologie typologie(String valeur) {
        if (texte(valeur) == null) {
            return null;
        }
        return Typologie.parse(valeur).orElseGet(() -> {
            erreurs.add(new ErreurChamp("typologie", "valeur-autorisee", valeur,
                    "valeurs permises : CHAMBRE, T1, T2, T3, T4, T5, T6_PLUS"));
            return null;
        });
    }

    public int entier(String nom, String valeur, int defaut) {
        if (texte(valeur) == null) {
            return defaut;
        }
        try {
            return Integer.parseInt(valeur.strip());
        } catch (NumberFormatException e) {
            erreurs.add(new ErreurChamp(nom, "format", valeur, "nombre entier attendu"));
            return defaut;
        }
    }

    /** {@code tri}: dateDepot (default), dateValidite, nom or numeroUnique; {@code ordre}: asc or desc. */
    public Tri tri(String tri, String ordre) {
        Tri.Champ champ = switch (texte(tri) == null ? "dateDepot" : tri.strip()) {
            case "dateDepot" -> Tri.Champ.DATE_DEPOT;
            case "dateValidite" -> Tri.Champ.DATE_VALIDITE;
            case "nom" -> Tri.Champ.NOM;
            case "numeroUnique" -> Tri.Champ.NUMERO_UNIQUE;
            default -> {
                erreurs.add(new ErreurChamp("tri", "valeur-autorisee", tri,
                        "valeurs permises : dateDepot, dateValidite, nom, numeroUnique"));
                yield Tri.Champ.DATE_DEPOT;
            }
        };
        String sens = texte(ordre) == null ? (champ == Tri.Champ.DATE_DEPOT ? "desc" : "asc") : ordre.strip();
        if (!sens.equals("asc") && !sens.equals("desc")) {
            erreurs.add(new ErreurChamp("ordre", "valeur-autorisee", ordre, "valeurs permises : asc, desc"));
        }
        return new Tri(champ, sens.equals("asc"));
    }

    public void verifier() {
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
    }
}
