package org.registrehub.renouvellement.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.registrehub.api.renouvellement.CalendrierRenouvellement;
import org.registrehub.api.renouvellement.Echeances;
import org.registrehub.api.renouvellement.ReglesRenouvellement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renewal calendar on the rules of {@code org.registrehub.renouvellement}: {@code preavis.mois}, {@code grace.mois},
 * {@code nonReponse.mois} for every territory, and {@code territoire.DDD.preavis.mois} (etc.) for one département.
 * A configuration that breaks a rule (a notice of less than a month, a grace period shorter than the validity, an
 * unknown key) is refused whole with a message naming the key, and the previous rules stay.
 */
@Component(service = CalendrierRenouvellement.class, configurationPid = "org.registrehub.renouvellement")
public class CalendrierConfigure implements CalendrierRenouvellement {

    private static final Logger LOG = LoggerFactory.getLogger(CalendrierConfigure.class);
    private static final Pattern CLE_TERRITOIRE = Pattern.compile("^territoire\\.([0-9]{2}[0-9AB])\\."
            + "(preavis|grace|nonReponse)\\.mois$");
    static final ReglesRenouvellement DEFAUT = new ReglesRenouvellement("*", 1, 18, 1);
    static final int VALIDITE_MOIS = 12;

    private volatile Map<String, ReglesRenouvellement> parTerritoire = Map.of();
    private volatile ReglesRenouvellement defaut = DEFAUT;

    public CalendrierConfigure() {
    }

    @Activate
    @Modified
    public void configurer(Map<String, Object> proprietes) {
        try {
            Lues lues = lire(proprietes);
            defaut = lues.defaut;
            parTerritoire = Map.copyOf(lues.parTerritoire);
            LOG.info("Calendrier de renouvellement : préavis {} mois, grâce {} mois, non-réponse {} mois{}",
                    defaut.preavisMois(), defaut.graceMois(), defaut.nonReponseMois(),
                    parTerritoire.isEmpty() ? "" : " ; règles propres : " + parTerritoire.values());
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration org.registrehub.renouvellement refusée, les règles précédentes restent : {}",
                    e.getMessage());
        }
    }

    private record Lues(ReglesRenouvellement defaut, Map<String, ReglesRenouvellement> parTerritoire) {
    }

    /** Reads the rules; throws naming the key at fault. */
    static Lues lire(Map<String, Object> proprietes) {
        int preavis = entier(proprietes, "preavis.mois", DEFAUT.preavisMois());
        int grace = entier(proprietes, "grace.mois", DEFAUT.graceMois());
        int nonReponse = entier(proprietes, "nonReponse.mois", DEFAUT.nonReponseMois());
        ReglesRenouvellement defaut = verifier(new ReglesRenouvellement("*", preavis, grace, nonReponse), "");
        Map<String, Map<String, Integer>> propres = new HashMap<>();
        for (Map.Entry<String, Object> e : proprietes.entrySet()) {
            String cle = e.getKey();
            if (cle.startsWith("territoire.")) {
                Matcher m = CLE_TERRITOIRE.matcher(cle);
                if (!m.matches()) {
                    throw new IllegalArgumentException(cle + " : clé inconnue (territoire.DDD.preavis.mois,"
                            + " territoire.DDD.grace.mois ou territoire.DDD.nonReponse.mois)");
                }
                propres.computeIfAbsent(m.group(1), t -> new HashMap<>()).put(m.group(2),
                        entier(proprietes, cle, 0));
            }
        }
        Map<String, ReglesRenouvellement> parTerritoire = new HashMap<>();
        propres.forEach((t, v) -> parTerritoire.put(t, verifier(new ReglesRenouvellement(t,
                v.getOrDefault("preavis", preavis), v.getOrDefault("grace", grace),
                v.getOrDefault("nonReponse", nonReponse)), "territoire." + t + ".")));
        return new Lues(defaut, parTerritoire);
    }

    private static ReglesRenouvellement verifier(ReglesRenouvellement r, String prefixe) {
        if (r.preavisMois() < 1 || r.preavisMois() >= VALIDITE_MOIS) {
            throw new IllegalArgumentException(prefixe + "preavis.mois = " + r.preavisMois() + " : le préavis est"
                    + " d'au moins un mois (CCH) et de moins d'un an");
        }
        if (r.graceMois() < VALIDITE_MOIS) {
            throw new IllegalArgumentException(prefixe + "grace.mois = " + r.graceMois() + " : le délai de"
                    + " réactivation court depuis le dépôt ou le dernier renouvellement et ne peut pas finir avant la"
                    + " fin de validité (" + VALIDITE_MOIS + " mois)");
        }
        if (r.nonReponseMois() < 1) {
            throw new IllegalArgumentException(prefixe + "nonReponse.mois = " + r.nonReponseMois()
                    + " : au moins un mois d'attente de la réponse (R441-2-8)");
        }
        return r;
    }

    private static int entier(Map<String, Object> proprietes, String cle, int defaut) {
        Object v = proprietes.get(cle);
        if (v == null || v.toString().isBlank()) {
            return defaut;
        }
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(cle + " = « " + v + " » : nombre de mois entier attendu");
        }
    }

    @Override
    public ReglesRenouvellement regles(String territoire) {
        return parTerritoire.getOrDefault(territoire, defaut);
    }

    @Override
    public Echeances echeances(String territoire, LocalDate dateDepot, LocalDate dernierRenouvellement,
                               LocalDate finValidite) {
        ReglesRenouvellement r = regles(territoire);
        LocalDate reference = dernierRenouvellement == null ? dateDepot : dernierRenouvellement;
        return new Echeances(finValidite.minusMonths(r.preavisMois()), finValidite, finValidite.plusDays(1),
                reference.plusMonths(r.graceMois()));
    }

    @Override
    public LocalDate finValiditeAviseeJusquau(String territoire, LocalDate jour) {
        int preavis = regles(territoire).preavisMois();
        LocalDate limite = jour.plusMonths(preavis);
        // on the last day of a month, every end of validity of the month N months later has its notice due
        return jour.getDayOfMonth() == jour.lengthOfMonth() ? limite.withDayOfMonth(limite.lengthOfMonth()) : limite;
    }

    @Override
    public LocalDate finAttenteReponse(String territoire, LocalDate envoi) {
        return envoi.plusMonths(regles(territoire).nonReponseMois());
    }
}
