package org.registrehub.statistiques.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.api.Typologie;
import org.registrehub.api.statistiques.PlafondsRessources;

/**
 * The rules of {@code org.registrehub.statistiques}: the PLUS ceilings ({@code plafonds.ileDeFrance},
 * {@code plafonds.autresRegions}: six amounts; {@code ….supplement}: per person beyond six) and the délai anormalement
 * long ({@code delaiAnormalementLong.mois}, {@code delaiAnormalementLong.DDD.mois},
 * {@code delaiAnormalementLong.DDD.T3.mois}) and the threshold of the secret statistique ({@code secretStatistique.seuil}:
 * counts from 1 to {@code seuil - 1} are masked in what leaves the circle, at least 2). A configuration with a wrong key or value is refused whole, naming the
 * key.
 *
 * @param seuils      thresholds in months by {@code "DDD"} or {@code "DDD:T3"}
 * @param seuilSecret counts under it are masked for the partners and in diffused tables
 */
record ReglesStatistiques(PlafondsRessources plafonds, int delaiDefautMois, Map<String, Integer> seuils,
                          int seuilSecret) {

    /** PLUS ceilings 2024 (revenu fiscal de référence N-2): Île-de-France outside Paris, and the other regions. */
    static final PlafondsRessources PLAFONDS_2024 = new PlafondsRessources(
            List.of(27478L, 41066L, 49365L, 59132L, 69997L, 78767L), 8777,
            List.of(24316L, 32473L, 39051L, 47145L, 55460L, 62501L), 6971);
    static final int DELAI_DEFAUT_MOIS = 36;
    /** Counts of 1 to 4 demands are masked by default. */
    static final int SEUIL_SECRET = 5;
    static final ReglesStatistiques DEFAUT = new ReglesStatistiques(PLAFONDS_2024, DELAI_DEFAUT_MOIS, Map.of(),
            SEUIL_SECRET);

    private static final List<String> PLAFONDS = List.of("plafonds.ileDeFrance", "plafonds.ileDeFrance.supplement",
            "plafonds.autresRegions", "plafonds.autresRegions.supplement");
    private static final Pattern CLE_DELAI = Pattern.compile(
            "^delaiAnormalementLong\\.([0-9]{2}[0-9AB])(\\.([A-Z0-9_]+))?\\.mois$");

    ReglesStatistiques {
        seuils = Map.copyOf(seuils);
    }

    static ReglesStatistiques lire(Map<String, ?> proprietes) {
        PlafondsRessources p = new PlafondsRessources(
                montants(proprietes, "plafonds.ileDeFrance", PLAFONDS_2024.ileDeFrance()),
                entier(proprietes, "plafonds.ileDeFrance.supplement", PLAFONDS_2024.supplementIleDeFrance()),
                montants(proprietes, "plafonds.autresRegions", PLAFONDS_2024.autresRegions()),
                entier(proprietes, "plafonds.autresRegions.supplement", PLAFONDS_2024.supplementAutresRegions()));
        int defaut = (int) entier(proprietes, "delaiAnormalementLong.mois", DELAI_DEFAUT_MOIS);
        int secret = (int) entier(proprietes, "secretStatistique.seuil", SEUIL_SECRET);
        if (secret < 2) {
            throw new IllegalArgumentException("secretStatistique.seuil : au moins 2 (lu " + secret + ")");
        }
        Map<String, Integer> seuils = new HashMap<>();
        for (String cle : proprietes.keySet()) {
            if (cle.startsWith("delaiAnormalementLong.") && !cle.equals("delaiAnormalementLong.mois")) {
                Matcher m = CLE_DELAI.matcher(cle);
                if (!m.matches()) {
                    throw new IllegalArgumentException(cle + " : clé inconnue (delaiAnormalementLong.DDD.mois ou "
                            + "delaiAnormalementLong.DDD.TYPOLOGIE.mois)");
                }
                String typologie = m.group(3);
                if (typologie != null) {
                    try {
                        Typologie.valueOf(typologie);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(cle + " : typologie inconnue " + typologie
                                + " (CHAMBRE, T1 … T5, T6_PLUS)");
                    }
                }
                seuils.put(typologie == null ? m.group(1) : m.group(1) + ":" + typologie,
                        (int) entier(proprietes, cle, 0));
            } else if (cle.startsWith("secretStatistique.") && !cle.equals("secretStatistique.seuil")) {
                throw new IllegalArgumentException(cle + " : clé inconnue (secretStatistique.seuil)");
            } else if (cle.startsWith("plafonds.") && !PLAFONDS.contains(cle)) {
                // the other keys are the framework's (service.pid, component.name, osgi.ds.*, felix.*)
                throw new IllegalArgumentException(cle + " : clé inconnue (" + String.join(", ", PLAFONDS) + ")");
            }
        }
        return new ReglesStatistiques(p, defaut, seuils, secret);
    }

    private static long entier(Map<String, ?> proprietes, String cle, long defaut) {
        Object v = proprietes.get(cle);
        if (v == null) {
            return defaut;
        }
        try {
            long n = Long.parseLong(v.toString().trim());
            if (n < 1) {
                throw new IllegalArgumentException(cle + " : au moins 1 (lu " + v + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(cle + " : nombre entier attendu (lu « " + v + " »)");
        }
    }

    private static List<Long> montants(Map<String, ?> proprietes, String cle, List<Long> defaut) {
        Object v = proprietes.get(cle);
        if (v == null) {
            return defaut;
        }
        List<Long> montants = new ArrayList<>();
        for (String m : v.toString().split(",")) {
            try {
                montants.add(Long.parseLong(m.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(cle + " : montant illisible « " + m.trim() + " »");
            }
        }
        if (montants.size() != 6) {
            throw new IllegalArgumentException(cle + " : six montants séparés par des virgules (ménages de 1 à 6 "
                    + "personnes), lu " + montants.size());
        }
        for (int i = 1; i < 6; i++) {
            if (montants.get(i) < montants.get(i - 1)) {
                throw new IllegalArgumentException(cle + " : les plafonds croissent avec la taille du ménage");
            }
        }
        return montants;
    }
}
