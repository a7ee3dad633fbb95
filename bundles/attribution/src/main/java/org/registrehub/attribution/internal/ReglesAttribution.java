package org.registrehub.attribution.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.api.Typologie;
import org.registrehub.api.attribution.CleClassement;
import org.registrehub.api.attribution.CritereRapprochement;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.PlafondApplique;
import org.registrehub.api.attribution.ReglesRapprochement;
import org.registrehub.api.attribution.ReglesRapprochement.Occupation;

/**
 * The rules of {@code org.registrehub.attribution}, read whole: a wrong key or value refuses the configuration,
 * naming the key, and the previous rules stay.
 * <ul>
 * <li>{@code occupation.T3 = 2-4}: the household sizes a typology suits;</li>
 * <li>{@code tauxEffort.maxPourcent}, {@code resteAVivre.minParUcMois};</li>
 * <li>{@code criteres.eliminatoires}: the criteria that exclude (among OCCUPATION, PLAFOND_RESSOURCES, TAUX_EFFORT,
 * RESTE_A_VIVRE, ACCESSIBILITE, LOYER_MAX); the commune and the typology always do;</li>
 * <li>{@code classement}: the ranking keys in order (DALO, PRIORITE, COTATION, ANCIENNETE, RANG_COMMUNE);</li>
 * <li>a département's own values over these: {@code territoire.059.tauxEffort.maxPourcent},
 * {@code territoire.059.occupation.T3}, {@code territoire.059.criteres.eliminatoires},
 * {@code territoire.059.classement}...;</li>
 * <li>{@code plafonds.2024.AUTRES_REGIONS.PLUS = c1,c2,c3,c4,c5,c6,supplement}: the income ceilings by year, zone
 * and financing (zones PARIS_LIMITROPHES, ILE_DE_FRANCE, AUTRES_REGIONS);</li>
 * <li>{@code zone.PARIS_LIMITROPHES.communes}: the communes of that zone (the other communes of Île-de-France are in
 * ILE_DE_FRANCE, the rest in AUTRES_REGIONS).</li>
 * </ul>
 */
record ReglesAttribution(ReglesRapprochement defaut, Map<String, ReglesRapprochement> territoires,
                         Map<Integer, Map<String, Map<Financement, PlafondApplique>>> plafonds,
                         Set<String> parisLimitrophes) {

    static final Set<String> DEPARTEMENTS_ILE_DE_FRANCE = Set.of("075", "077", "078", "091", "092", "093", "094",
            "095");
    static final List<String> ZONES = List.of("PARIS_LIMITROPHES", "ILE_DE_FRANCE", "AUTRES_REGIONS");
    static final Set<CritereRapprochement> FILTRABLES = EnumSet.of(CritereRapprochement.OCCUPATION,
            CritereRapprochement.PLAFOND_RESSOURCES, CritereRapprochement.TAUX_EFFORT,
            CritereRapprochement.RESTE_A_VIVRE, CritereRapprochement.ACCESSIBILITE, CritereRapprochement.LOYER_MAX);

    private static final Pattern TERRITOIRE = Pattern.compile("^territoire\\.([0-9]{2}[0-9AB])\\.(.+)$");
    private static final Pattern PLAFOND = Pattern.compile("^plafonds\\.([0-9]{4})\\.([A-Z_]+)\\.([A-Z]+)$");

    ReglesAttribution {
        territoires = Map.copyOf(territoires);
        parisLimitrophes = Set.copyOf(parisLimitrophes);
    }

    /** The rules of a département: its own, or the defaults. */
    ReglesRapprochement regles(String territoire) {
        ReglesRapprochement r = territoires.get(territoire);
        return r != null ? r : new ReglesRapprochement(territoire, defaut.occupation(), defaut.tauxEffortMax(),
                defaut.resteAVivreMin(), defaut.eliminatoires(), defaut.classement());
    }

    /** The zone of a commune for the ceilings. */
    String zone(String commune, String territoire) {
        if (parisLimitrophes.contains(commune)) {
            return "PARIS_LIMITROPHES";
        }
        return DEPARTEMENTS_ILE_DE_FRANCE.contains(territoire) ? "ILE_DE_FRANCE" : "AUTRES_REGIONS";
    }

    /** The ceilings in force in that year (the latest configured year not after it), for that zone and financing. */
    PlafondApplique plafond(int annee, String zone, Financement financement) {
        Integer retenue = plafonds.keySet().stream().filter(a -> a <= annee).max(Integer::compare)
                .orElse(plafonds.keySet().stream().min(Integer::compare).orElseThrow());
        return plafonds.get(retenue).get(zone).get(financement);
    }

    static ReglesAttribution lire(Map<String, ?> proprietes) {
        Map<String, Object> p = new HashMap<>();
        proprietes.forEach((k, v) -> {
            if (!k.startsWith("service.") && !k.startsWith("component.") && !k.startsWith("osgi.")
                    && !k.startsWith("felix.")) {
                p.put(k, v);
            }
        });
        ReglesRapprochement defaut = regles("", p, "", new ReglesRapprochement("", OCCUPATION_DEFAUT,
                new BigDecimal("33"), new BigDecimal("300"), EnumSet.of(CritereRapprochement.OCCUPATION,
                        CritereRapprochement.PLAFOND_RESSOURCES, CritereRapprochement.TAUX_EFFORT,
                        CritereRapprochement.RESTE_A_VIVRE, CritereRapprochement.ACCESSIBILITE),
                List.of(CleClassement.DALO, CleClassement.PRIORITE, CleClassement.COTATION, CleClassement.ANCIENNETE)));
        Map<String, ReglesRapprochement> territoires = new TreeMap<>();
        Set<String> vus = new HashSet<>();
        for (String cle : p.keySet()) {
            Matcher m = TERRITOIRE.matcher(cle);
            if (cle.startsWith("territoire.")) {
                if (!m.matches()) {
                    throw new IllegalArgumentException(cle + " : clé inconnue (territoire.DDD.<clé>, DDD le code du"
                            + " département sur trois caractères)");
                }
                if (vus.add(m.group(1))) {
                    String t = m.group(1);
                    territoires.put(t, regles(t, p, "territoire." + t + ".", defaut));
                }
            }
        }
        Map<Integer, Map<String, Map<Financement, PlafondApplique>>> plafonds = plafonds(p);
        Set<String> paris = new LinkedHashSet<>(PARIS);
        Object communes = p.remove("zone.PARIS_LIMITROPHES.communes");
        if (communes != null) {
            paris.clear();
            for (String c : String.valueOf(communes).split(",")) {
                String commune = c.strip();
                if (!commune.matches("^([0-9]{5}|2[AB][0-9]{3})$")) {
                    throw new IllegalArgumentException("zone.PARIS_LIMITROPHES.communes : code INSEE attendu, lu « "
                            + commune + " »");
                }
                paris.add(commune);
            }
        }
        for (String cle : p.keySet()) {
            // notification.*: the applicant notices of the same capability (NotificationsServiceImpl)
            if (!cle.startsWith("territoire.") && !cle.startsWith("plafonds.") && !cle.startsWith("notification.")
                    && !CONNUES.contains(cle)
                    && !COTATION.contains(cle)) {
                throw new IllegalArgumentException(cle + " : clé inconnue (" + String.join(", ", CONNUES)
                        + ", territoire.DDD.<clé>, plafonds.AAAA.ZONE.FINANCEMENT, zone.PARIS_LIMITROPHES.communes)");
            }
        }
        return new ReglesAttribution(defaut, territoires, plafonds, paris);
    }

    /** The daily update of the cotation's keys (read by the cotation service and its route). */
    static final List<String> COTATION = List.of("cotation.heure", "cotation.verificationSecondes",
            "cotation.delaiDemarrageSecondes");

    private static final List<String> CONNUES = List.of("occupation.CHAMBRE", "occupation.T1", "occupation.T2",
            "occupation.T3", "occupation.T4", "occupation.T5", "occupation.T6_PLUS", "tauxEffort.maxPourcent",
            "resteAVivre.minParUcMois", "criteres.eliminatoires", "classement");

    /** Household sizes by typology, the usual rule of thumb: no over- or under-occupation. */
    static final Map<Typologie, Occupation> OCCUPATION_DEFAUT = Map.of(Typologie.CHAMBRE, new Occupation(1, 1),
            Typologie.T1, new Occupation(1, 2), Typologie.T2, new Occupation(1, 3), Typologie.T3,
            new Occupation(2, 4), Typologie.T4, new Occupation(3, 6), Typologie.T5, new Occupation(4, 8),
            Typologie.T6_PLUS, new Occupation(5, 20));

    /** Paris and its arrondissements; the communes limitrophes are added by configuration. */
    static final List<String> PARIS;

    static {
        List<String> paris = new ArrayList<>(List.of("75056"));
        for (int i = 1; i <= 20; i++) {
            paris.add(String.format("751%02d", i));
        }
        PARIS = List.copyOf(paris);
    }

    private static ReglesRapprochement regles(String territoire, Map<String, Object> p, String prefixe,
                                              ReglesRapprochement base) {
        Map<Typologie, Occupation> occupation = new EnumMap<>(Typologie.class);
        occupation.putAll(base.occupation());
        for (Typologie t : Typologie.values()) {
            Object v = p.get(prefixe + "occupation." + t.name());
            if (v != null) {
                occupation.put(t, occupation(prefixe + "occupation." + t.name(), String.valueOf(v)));
            }
        }
        for (String cle : p.keySet()) {
            if (!prefixe.isEmpty() && cle.startsWith(prefixe) && !CONNUES.contains(cle.substring(prefixe.length()))) {
                throw new IllegalArgumentException(cle + " : clé inconnue (" + prefixe + "<clé>, <clé> parmi "
                        + String.join(", ", CONNUES) + ")");
            }
        }
        BigDecimal taux = decimal(p, prefixe + "tauxEffort.maxPourcent", base.tauxEffortMax(), 1, 100);
        BigDecimal reste = decimal(p, prefixe + "resteAVivre.minParUcMois", base.resteAVivreMin(), 0, 10_000);
        Set<CritereRapprochement> eliminatoires = base.eliminatoires();
        Object e = p.get(prefixe + "criteres.eliminatoires");
        if (e != null) {
            eliminatoires = EnumSet.noneOf(CritereRapprochement.class);
            for (String s : liste(e)) {
                CritereRapprochement c = valeur(CritereRapprochement.class, prefixe + "criteres.eliminatoires", s);
                if (!FILTRABLES.contains(c)) {
                    throw new IllegalArgumentException(prefixe + "criteres.eliminatoires : " + s + " n'est pas un"
                            + " critère éliminatoire (parmi " + FILTRABLES + ")");
                }
                eliminatoires.add(c);
            }
        }
        List<CleClassement> classement = base.classement();
        Object c = p.get(prefixe + "classement");
        if (c != null) {
            LinkedHashSet<CleClassement> cles = new LinkedHashSet<>();
            for (String s : liste(c)) {
                if (!cles.add(valeur(CleClassement.class, prefixe + "classement", s))) {
                    throw new IllegalArgumentException(prefixe + "classement : " + s + " figure deux fois");
                }
            }
            if (cles.isEmpty()) {
                throw new IllegalArgumentException(prefixe + "classement : au moins une clé de classement");
            }
            classement = List.copyOf(cles);
        }
        return new ReglesRapprochement(territoire, occupation, taux, reste, eliminatoires, classement);
    }

    private static Occupation occupation(String cle, String valeur) {
        Matcher m = Pattern.compile("^\\s*([0-9]{1,2})\\s*-\\s*([0-9]{1,2})\\s*$").matcher(valeur);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1
                || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException(cle + " : « min-max » personnes attendu (1 ≤ min ≤ max), lu « "
                    + valeur + " »");
        }
        return new Occupation(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static BigDecimal decimal(Map<String, Object> p, String cle, BigDecimal defaut, int min, int max) {
        Object v = p.get(cle);
        if (v == null) {
            return defaut;
        }
        try {
            BigDecimal d = new BigDecimal(String.valueOf(v).strip());
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(cle + " : nombre de " + min + " à " + max + " attendu, lu « " + v
                    + " »");
        }
    }

    private static List<String> liste(Object v) {
        List<String> l = new ArrayList<>();
        for (String s : String.valueOf(v).split(",")) {
            if (!s.isBlank()) {
                l.add(s.strip());
            }
        }
        return l;
    }

    private static <E extends Enum<E>> E valeur(Class<E> type, String cle, String s) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cle + " : « " + s + " » inconnu (parmi "
                    + List.of(type.getEnumConstants()) + ")");
        }
    }

    /**
     * The ceilings: the 2024 defaults, replaced year by year, zone by zone, financing by financing by the
     * configuration. PLS is 130 % of PLUS when not given.
     */
    private static Map<Integer, Map<String, Map<Financement, PlafondApplique>>> plafonds(Map<String, Object> p) {
        Map<Integer, Map<String, Map<Financement, PlafondApplique>>> annees = new TreeMap<>();
        for (Map.Entry<String, String> d : PLAFONDS_2024.entrySet()) {
            ajouter(annees, "plafonds.2024." + d.getKey(), d.getValue());
        }
        for (String cle : p.keySet()) {
            if (cle.startsWith("plafonds.")) {
                ajouter(annees, cle, String.valueOf(p.get(cle)));
            }
        }
        for (Map.Entry<Integer, Map<String, Map<Financement, PlafondApplique>>> a : annees.entrySet()) {
            for (String zone : ZONES) {
                Map<Financement, PlafondApplique> f = a.getValue().get(zone);
                if (f == null || !f.containsKey(Financement.PLUS) || !f.containsKey(Financement.PLAI)) {
                    throw new IllegalArgumentException("plafonds." + a.getKey() + "." + zone + " : les plafonds PLAI"
                            + " et PLUS de l'année sont attendus pour chaque zone (" + ZONES + ")");
                }
                f.computeIfAbsent(Financement.PLS, x -> {
                    PlafondApplique plus = f.get(Financement.PLUS);
                    return new PlafondApplique(a.getKey(), zone, Financement.PLS, plus.categories().stream()
                            .map(v -> Math.round(v * 1.3)).toList(), Math.round(plus.supplement() * 1.3));
                });
            }
        }
        return annees;
    }

    private static void ajouter(Map<Integer, Map<String, Map<Financement, PlafondApplique>>> annees, String cle,
                                String valeur) {
        Matcher m = PLAFOND.matcher(cle);
        if (!m.matches() || !ZONES.contains(m.group(2))) {
            throw new IllegalArgumentException(cle + " : clé inconnue (plafonds.AAAA.ZONE.FINANCEMENT, ZONE parmi "
                    + ZONES + ")");
        }
        Financement f = valeur(Financement.class, cle, m.group(3));
        List<Long> montants = new ArrayList<>();
        for (String s : valeur.split(",")) {
            try {
                long v = Long.parseLong(s.strip());
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                montants.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(cle + " : sept montants positifs attendus (ménages de 1 à 6"
                        + " personnes, puis le supplément par personne au-delà), lu « " + valeur + " »");
            }
        }
        if (montants.size() != 7) {
            throw new IllegalArgumentException(cle + " : sept montants attendus (ménages de 1 à 6 personnes, puis le"
                    + " supplément par personne au-delà), " + montants.size() + " lus");
        }
        int annee = Integer.parseInt(m.group(1));
        annees.computeIfAbsent(annee, a -> new HashMap<>()).computeIfAbsent(m.group(2), z -> new EnumMap<>(
                Financement.class)).put(f, new PlafondApplique(annee, m.group(2), f, montants.subList(0, 6),
                montants.get(6)));
    }

    /**
     * The 2024 ceilings (revenu fiscal de référence N-2, euros a year), shipped as defaults; the gestionnaire adds
     * each year's from the ministerial order (see {@code etc/org.registrehub.attribution.cfg}).
     */
    static final Map<String, String> PLAFONDS_2024 = Map.of(
            "PARIS_LIMITROPHES.PLUS", "27478,41066,53833,64303,76506,86089,9592",
            "PARIS_LIMITROPHES.PLAI", "15118,24643,32302,35359,42067,47350,5273",
            "ILE_DE_FRANCE.PLUS", "27478,41066,49365,59132,69997,78767,8777",
            "ILE_DE_FRANCE.PLAI", "15118,24643,29623,32425,38387,43196,4813",
            "AUTRES_REGIONS.PLUS", "24316,32473,39051,47145,55460,62501,6971",
            "AUTRES_REGIONS.PLAI", "13373,19486,23432,26071,30502,34375,3834");

    /** The shipped rules (declared last: it reads the constants above). */
    static final ReglesAttribution DEFAUT = lire(Map.of());
}
