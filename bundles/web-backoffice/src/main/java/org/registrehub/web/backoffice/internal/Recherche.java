package org.registrehub.web.backoffice.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.ws.rs.core.MultivaluedMap;

import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Statut;
import org.registrehub.api.Tri;
import org.registrehub.api.Typologie;

/**
 * The search form's fields, named as the REST query parameters ({@code nom}, {@code depotDu}...): read into the
 * register's criteria (a malformed date or code is a field error shown beside its field, as the register reports
 * its own), and written back into a link.
 */
final class Recherche {

    /** The criteria's fields, in the form's order. */
    static final List<String> CHAMPS = List.of("numeroUnique", "nom", "prenom", "dateNaissance", "commune",
            "territoire", "guichet", "statut", "typologie", "depotDu", "depotAu", "validiteDu", "validiteAu");

    final CriteresRecherche criteres;
    final Tri tri;
    final int page;
    final Map<String, String> erreurs = new LinkedHashMap<>();
    final Map<String, List<String>> valeurs = new LinkedHashMap<>();

    Recherche(MultivaluedMap<String, String> q) {
        for (String c : CHAMPS) {
            String v = texte(q.getFirst(c));
            if (v != null) {
                valeurs.put(c, List.of(v));
            }
        }
        criteres = new CriteresRecherche(majuscules(texte(q.getFirst("numeroUnique"))), texte(q.getFirst("nom")),
                texte(q.getFirst("prenom")), date("dateNaissance", q), texte(q.getFirst("commune")),
                texte(q.getFirst("territoire")), code("statut", q, Statut.class), code("typologie", q, Typologie.class),
                date("depotDu", q), date("depotAu", q), date("validiteDu", q), date("validiteAu", q),
                majuscules(texte(q.getFirst("guichet"))));
        Tri.Champ champ = Tri.Champ.DATE_DEPOT;
        String t = texte(q.getFirst("tri"));
        if (t != null) {
            try {
                champ = Tri.Champ.valueOf(t);
            } catch (IllegalArgumentException e) {
                erreurs.put("tri", "tri inconnu");
            }
        }
        tri = new Tri(champ, "asc".equals(q.getFirst("ordre")));
        valeurs.put("tri", List.of(champ.name()));
        valeurs.put("ordre", List.of(tri.croissant() ? "asc" : "desc"));
        int p = 0;
        try {
            p = q.getFirst("page") == null ? 0 : Math.max(0, Integer.parseInt(q.getFirst("page").strip()));
        } catch (NumberFormatException e) {
            erreurs.put("page", "numéro de page attendu");
        }
        page = p;
    }

    private LocalDate date(String champ, MultivaluedMap<String, String> q) {
        return Saisies.date(champ, q.getFirst(champ), erreurs);
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String majuscules(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    private <E extends Enum<E>> E code(String champ, MultivaluedMap<String, String> q, Class<E> type) {
        String v = texte(q.getFirst(champ));
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            erreurs.put(champ, "valeur inconnue : choisissez dans la liste");
            return null;
        }
    }

    /** The criteria as a link's query ({@code depotDu=2026-12-07&guichet=G1104}). */
    static String requete(CriteresRecherche c) {
        StringJoiner j = new StringJoiner("&");
        ajouter(j, "numeroUnique", c.numeroUnique());
        ajouter(j, "nom", c.nom());
        ajouter(j, "prenom", c.prenom());
        ajouter(j, "dateNaissance", c.dateNaissance());
        ajouter(j, "commune", c.commune());
        ajouter(j, "territoire", c.territoire());
        ajouter(j, "guichet", c.guichet());
        ajouter(j, "statut", c.statut());
        ajouter(j, "typologie", c.typologie());
        ajouter(j, "depotDu", c.depotDu());
        ajouter(j, "depotAu", c.depotAu());
        ajouter(j, "validiteDu", c.validiteDu());
        ajouter(j, "validiteAu", c.validiteAu());
        return j.toString();
    }

    private static void ajouter(StringJoiner j, String nom, Object valeur) {
        if (valeur != null) {
            j.add(nom + "=" + URLEncoder.encode(valeur.toString(), StandardCharsets.UTF_8));
        }
    }
}
