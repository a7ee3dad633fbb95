package org.registrehub.web.backoffice.internal;

import static org.registrehub.web.backoffice.internal.Saisies.texte;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.Role;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.PointQualite;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TendanceQualite;
import org.registrehub.web.commun.Nombres;

/**
 * The data-quality indicators of the pending demands as a guichet, a gestionnaire or an observateur reviews them: for
 * one guichet or all those it reads, each indicator today (count, share, the département's target, above it or not,
 * the change since the previous month), one indicator's trend month by month against its target (chart and table), and
 * for a gestionnaire the targets of its départements. Figures and rules are {@link StatistiquesService}'s: the months
 * are its photographs, the current month is today's table.
 */
@Path("/qualite")
@Produces(Vues.HTML)
public class QualitePages {

    private final List<StatistiquesService> statistiques;
    private final JsonCodec json;
    private final Garde garde;
    private final Vues vues;

    @Context
    private HttpServletRequest requete;

    public QualitePages(List<StatistiquesService> statistiques, JsonCodec json, Garde garde, Vues vues) {
        this.statistiques = statistiques;
        this.json = json;
        this.garde = garde;
        this.vues = vues;
    }

    private Response refus(Optional<Agent> a, String ici) {
        if (a.isEmpty()) {
            return garde.versConnexion(ici);
        }
        if (statistiques.isEmpty()) {
            return StatistiquesPages.infocentreAbsent(vues, a.get());
        }
        return null;
    }

    @GET
    public Response qualite(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("guichet") String guichet,
                            @QueryParam("indicateur") String indicateur, @QueryParam("debut") String debut,
                            @QueryParam("fin") String fin, @QueryParam("info") String info) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/qualite");
        if (r != null) {
            return r;
        }
        return page(a, guichet, indicateur, debut, fin, info, Map.of(), Map.of());
    }

    /**
     * The page: the form's choices, today's indicators, the chosen one's trend; {@code erreursCible} and
     * {@code valeursCible}, what a refused target form sent.
     */
    private Response page(Optional<Agent> a, String guichet, String indicateur, String debut, String fin,
                          String info, Map<String, String> erreursCible, Map<String, List<String>> valeursCible) {
        Map<String, String> erreurs = new LinkedHashMap<>(erreursCible);
        YearMonth maintenant = YearMonth.now(Vues.PARIS);
        YearMonth d = mois("debut", debut, maintenant.minusMonths(11), erreurs);
        YearMonth f = mois("fin", fin, maintenant, erreurs);
        IndicateurQualite choisi = Saisies.code(IndicateurQualite.class, indicateur, "indicateur", erreurs);
        String g = texte(guichet);
        Map<String, List<String>> v = new HashMap<>();
        v.put("debut", List.of(d.toString()));
        v.put("fin", List.of(f.toString()));
        if (g != null) {
            v.put("guichet", List.of(g));
        }
        if (choisi != null) {
            v.put("indicateur", List.of(choisi.name()));
        }
        v.putAll(valeursCible);
        Map<String, Object> m = vues.modele("Qualité des données", "qualite", a.get().session(), a.get().droits());
        m.put("valeurs", v);
        m.put("indicateurs", Saisies.choixLibelles(IndicateurQualite.values(), IndicateurQualite::libelle));
        m.put("libellesErreurs", Map.of("guichet", "Guichet", "debut", "Du mois", "fin", "Au mois", "indicateur",
                "Indicateur", "territoire", "Département", "cible", "Cible", "indicateurCible",
                "Indicateur de la cible"));
        boolean gestionnaire = a.get().session().identite().a(Role.GESTIONNAIRE);
        m.put("cibler", gestionnaire);
        m.put("departements", new java.util.TreeSet<>(a.get().session().identite().departements()));
        if ("cible".equals(info)) {
            m.put("info", "La cible est enregistrée : elle s'applique aux guichets du département.");
        }
        StatistiquesService service = statistiques.get(0);
        try {
            TableauQualite tableau = service.qualite(a.get().contexte());
            m.put("guichets", tableau.lignes().stream().map(l -> Map.of("code", l.guichet(), "libelle",
                    l.guichet() + " (" + Nombres.entier(l.actives()) + " demandes)")).toList());
            LigneQualite ligne = g == null ? tableau.total() : tableau.lignes().stream().filter(l -> l.guichet()
                    .equals(g)).findFirst().orElse(null);
            if (ligne == null) {
                erreurs.put("guichet", "aucune demande en attente de ce guichet dans votre périmètre");
            }
            if (!erreurs.isEmpty() && erreursCible.isEmpty()) {
                m.put("erreurs", erreurs);
                return vues.page("qualite", m, 400);
            }
            m.put("erreurs", erreurs);
            TendanceQualite t = service.tendanceQualite(g, d, f, a.get().contexte());
            // the months photographed, the current one as it is today
            Map<YearMonth, PointQualite> points = new TreeMap<>();
            t.mois().forEach(p -> points.put(p.mois(), p));
            if (!maintenant.isBefore(d) && !maintenant.isAfter(f)) {
                points.put(maintenant, new PointQualite(maintenant, ligne.actives(), ligne.valeurs()));
            }
            List<PointQualite> suite = new ArrayList<>(points.values());
            PointQualite avant = suite.size() > 1 ? suite.get(suite.size() - 2) : null;
            PointQualite dernier = suite.isEmpty() ? null : suite.get(suite.size() - 1);
            List<Map<String, String>> lignes = new ArrayList<>();
            IndicateurQualite premierAuDessus = null;
            for (IndicateurQualite i : IndicateurQualite.values()) {
                Map<String, String> x = new HashMap<>();
                Long n = ligne.valeurs().get(i);
                Double part = n == null || ligne.actives() == 0 ? null : n * 100.0 / ligne.actives();
                BigDecimal cible = t.cibles().get(i);
                boolean auDessus = part != null && cible != null && part > cible.doubleValue();
                if (auDessus && premierAuDessus == null) {
                    premierAuDessus = i;
                }
                x.put("code", i.name());
                x.put("libelle", i.libelle());
                x.put("definition", i.definition());
                x.put("nombre", n == null ? "secret" : Nombres.entier(n));
                x.put("part", part == null ? "—" : pourcent(part));
                x.put("cible", cible == null ? "—" : "au plus " + pourcent(cible.doubleValue()));
                x.put("etat", cible == null || part == null ? "" : auDessus ? "au-dessus de la cible"
                        : "dans la cible");
                x.put("evolution", evolution(avant, dernier, i));
                lignes.add(x);
            }
            m.put("lignes", lignes);
            m.put("actives", Nombres.entier(ligne.actives()));
            m.put("territoire", t.territoire() == null ? "" : t.territoire());
            m.put("perimetre", g == null ? "tous les guichets de votre périmètre" : "le guichet " + g);
            IndicateurQualite montre = choisi != null ? choisi : premierAuDessus != null ? premierAuDessus
                    : IndicateurQualite.values()[0];
            m.put("montre", Map.of("code", montre.name(), "libelle", montre.libelle()));
            graphique(m, suite, montre, t.cibles().get(montre));
        } catch (DemandeInvalideException e) {
            m.put("erreurs", DemandesPages.erreurs(e.getErreurs()));
            return vues.page("qualite", m, 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Guichet introuvable");
        }
        return vues.page("qualite", m, erreursCible.isEmpty() ? 200 : 400);
    }

    /** One indicator's share month by month, its target beside it: the chart's data and its table. */
    private void graphique(Map<String, Object> m, List<PointQualite> suite, IndicateurQualite i, BigDecimal cible) {
        List<String> etiquettes = new ArrayList<>();
        List<Double> parts = new ArrayList<>();
        List<Double> cibles = new ArrayList<>();
        List<List<String>> lignes = new ArrayList<>();
        for (PointQualite p : suite) {
            etiquettes.add(StatistiquesPages.mois(p.mois()));
            Double part = p.part(i);
            parts.add(part == null ? null : Math.round(part * 10) / 10.0);
            cibles.add(cible == null ? null : cible.doubleValue());
            lignes.add(List.of(StatistiquesPages.mois(p.mois()), Nombres.entier(p.actives()), p.valeurs().get(i)
                    == null ? "secret" : Nombres.entier(p.valeurs().get(i)), part == null ? "—" : pourcent(part)));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("libelle", "Part des demandes concernées (%)", "valeurs", parts));
        if (cible != null) {
            series.add(Map.of("libelle", "Cible (%)", "valeurs", cibles, "pointilles", true));
        }
        m.put("mois", lignes);
        m.put("donnees", json.ecrire(Map.of("type", "line", "etiquettes", etiquettes, "series", series,
                "decimales", true)).replace("<", "\\u003c"));
    }

    private static String evolution(PointQualite avant, PointQualite dernier, IndicateurQualite i) {
        Double a = avant == null ? null : avant.part(i);
        Double d = dernier == null ? null : dernier.part(i);
        if (a == null || d == null) {
            return "";
        }
        double ecart = Math.round((d - a) * 10) / 10.0;
        return ecart == 0 ? "stable" : (ecart > 0 ? "+" : "−") + decimal(Math.abs(ecart)) + " pt";
    }

    static String pourcent(double p) {
        return decimal(p) + " %";
    }

    private static String decimal(double p) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(1);
        return f.format(p);
    }

    private static YearMonth mois(String champ, String texte, YearMonth defaut, Map<String, String> erreurs) {
        if (texte == null || texte.isBlank()) {
            return defaut;
        }
        try {
            return YearMonth.parse(texte.strip());
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "mois attendu au format AAAA-MM");
            return defaut;
        }
    }

    /** A gestionnaire sets (or, empty, removes) the target of an indicator in one of its départements. */
    @POST
    @Path("cibles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cible(@CookieParam(Garde.COOKIE_SESSION) String jeton, MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/qualite");
        if (r == null) {
            r = garde.refusFormulaire(a, form.getFirst("csrf"), "/qualite", requete);
        }
        if (r != null) {
            return r;
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        IndicateurQualite i = Saisies.code(IndicateurQualite.class, form.getFirst("indicateurCible"),
                "indicateurCible", erreurs);
        BigDecimal cible = Saisies.decimal("cible", form.getFirst("cible"), erreurs);
        try {
            if (erreurs.isEmpty()) {
                statistiques.get(0).definirCibleQualite(texte(form.getFirst("territoire")), i, cible,
                        a.get().contexte());
                return vues.vers("/qualite?info=cible" + (i == null ? "" : "&indicateur=" + i.name())).build();
            }
        } catch (DemandeInvalideException e) {
            // the service names the indicator "indicateur": beside the target form's own field
            DemandesPages.erreurs(e.getErreurs()).forEach((k, x) -> erreurs.put("indicateur".equals(k)
                    ? "indicateurCible" : k, x));
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Cible introuvable");
        }
        Map<String, List<String>> v = new HashMap<>();
        for (String c : List.of("territoire", "indicateurCible", "cible")) {
            if (texte(form.getFirst(c)) != null) {
                v.put(c, List.of(form.getFirst(c).strip()));
            }
        }
        return page(a, null, i == null ? null : i.name(), null, null, null, erreurs, v);
    }
}
