package org.registrehub.web.backoffice.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.Libelles;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.statistiques.Export;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.RapportStatistiques;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauDemande;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauSatisfaction;
import org.registrehub.web.commun.Nombres;

/**
 * The Infocentre's dashboards for everyone who reads statistics (the service decides which lines: every one for the
 * circle of gestionnaires, observateurs and administrators; its territories' under the secret statistique for a
 * guichet or a bailleur): a table of a chosen period and
 * granularity, drawn as a chart (Chart.js, served by the hub) beside the same figures as an accessible table, and its
 * exports (CSV, XLSX, SVG, PNG) from the report service.
 */
@Path("/statistiques")
@Produces(Vues.HTML)
public class StatistiquesPages {

    /** The tables the dashboard draws, and how. */
    static final Map<String, String> TABLEAUX = Map.of(
            "series", "Demandes, renouvellements, radiations et attributions, mois par mois",
            "flux", "Stock et flux de la période, par territoire",
            "repartition", "Demandes en attente aujourd'hui, réparties selon un caractère, par territoire",
            "satisfaction", "Attributions de la période et délai de satisfaction, par territoire",
            "delais", "Demandes en attente au-delà du délai anormalement long, par département");
    private static final DateTimeFormatter MOIS = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRANCE);

    private final RegistreService registre;
    private final List<StatistiquesService> statistiques;
    private final List<RapportStatistiques> rapports;
    private final JsonCodec json;
    private final Garde garde;
    private final Vues vues;

    public StatistiquesPages(RegistreService registre, List<StatistiquesService> statistiques,
                             List<RapportStatistiques> rapports, JsonCodec json, Garde garde, Vues vues) {
        this.registre = registre;
        this.statistiques = statistiques;
        this.rapports = rapports;
        this.json = json;
        this.garde = garde;
        this.vues = vues;
    }

    /** What the form asked for, read and checked: each malformed field named. */
    record Demande(String tableau, LocalDate debut, LocalDate fin, Granularite granularite, String departement,
                   Dimension dimension, Map<String, String> erreurs, Map<String, List<String>> valeurs) {

        static Demande lire(String tableau, String debut, String fin, String granularite, String departement,
                            LocalDate aujourdhui) {
            return lire(tableau, debut, fin, granularite, departement, null, aujourdhui);
        }

        static Demande lire(String tableau, String debut, String fin, String granularite, String departement,
                            String dimension, LocalDate aujourdhui) {
            Map<String, String> e = new LinkedHashMap<>();
            Map<String, List<String>> v = new LinkedHashMap<>();
            String t = tableau == null || !TABLEAUX.containsKey(tableau) ? "series" : tableau;
            // by default the last twelve full months
            LocalDate d = date("debut", debut, aujourdhui.withDayOfMonth(1).minusMonths(12), e);
            LocalDate f = date("fin", fin, aujourdhui.withDayOfMonth(1).minusDays(1), e);
            if (e.isEmpty() && d.isAfter(f)) {
                e.put("debut", "le début de la période est après sa fin");
            }
            Granularite g = Granularite.DEPARTEMENT;
            if (granularite != null && !granularite.isBlank()) {
                try {
                    g = Granularite.valueOf(granularite);
                } catch (IllegalArgumentException x) {
                    e.put("granularite", "granularité inconnue : choisissez dans la liste");
                }
            }
            Dimension dim = Saisies.code(Dimension.class, dimension, "dimension", e);
            dim = dim == null ? Dimension.TYPOLOGIE : dim;
            String dep = departement == null || departement.isBlank() ? null : departement.strip();
            v.put("tableau", List.of(t));
            v.put("debut", List.of(d.toString()));
            v.put("fin", List.of(f.toString()));
            v.put("granularite", List.of(g.name()));
            v.put("dimension", List.of(dim.name()));
            if (dep != null) {
                v.put("departement", List.of(dep));
            }
            return new Demande(t, d, f, g, dep, dim, e, v);
        }

        private static LocalDate date(String champ, String texte, LocalDate defaut, Map<String, String> e) {
            LocalDate d = Saisies.date(champ, texte, e);
            return d == null ? defaut : d;
        }

        String requete() {
            return "tableau=" + tableau + "&debut=" + debut + "&fin=" + fin + "&granularite=" + granularite.name()
                    + "&dimension=" + dimension.name()
                    + (departement == null ? "" : "&departement=" + java.net.URLEncoder.encode(departement,
                            java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @GET
    public Response tableau(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("tableau") String tableau,
                            @QueryParam("debut") String debut, @QueryParam("fin") String fin,
                            @QueryParam("granularite") String granularite,
                            @QueryParam("departement") String departement,
                            @QueryParam("dimension") String dimension) {
        Optional<Agent> l = lecteur(jeton);
        if (l.isEmpty()) {
            return garde.versConnexion("/statistiques");
        }
        if (statistiques.isEmpty()) {
            return StatistiquesPages.infocentreAbsent(vues, l.get());
        }
        Demande q = Demande.lire(tableau, debut, fin, granularite, departement, dimension, LocalDate.now(Vues.PARIS));
        Map<String, Object> m = vues.modele("Statistiques", "statistiques", l.get().session(), l.get().droits());
        m.put("dimensions", java.util.Arrays.stream(Dimension.values()).map(x -> Map.of("code", x.name(), "libelle",
                x.libelle())).toList());
        m.put("valeurs", q.valeurs());
        m.put("tableaux", TABLEAUX.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(x -> Map.of("code", x.getKey(), "libelle", x.getValue())).toList());
        m.put("granularites", java.util.Arrays.stream(Granularite.values()).map(g -> Map.of("code", g.name(),
                "libelle", libelle(g))).toList());
        if (!q.erreurs().isEmpty()) {
            m.put("erreurs", q.erreurs());
            return vues.page("statistiques", m, 400);
        }
        try {
            StatistiquesService service = statistiques.get(0);
            Graphique g = switch (q.tableau()) {
                case "flux" -> flux(service.flux(q.debut(), q.fin(), q.granularite(), l.get().contexte()));
                case "repartition" -> repartition(service.repartition(q.dimension(), q.granularite(),
                        l.get().contexte()));
                case "satisfaction" -> satisfaction(service.satisfaction(q.debut(), q.fin(), q.granularite(),
                        l.get().contexte()));
                case "delais" -> delais(service.delaisAnormalementLongs(l.get().contexte()));
                default -> series(service.serieMensuelle(q.debut(), q.fin(), q.departement(), l.get().contexte()));
            };
            m.put("graphique", g);
            // the chart's data, for the page's script: JSON in a data block, "<" escaped so that no text closes it
            m.put("donnees", json.ecrire(Map.of("type", g.type(), "etiquettes", g.etiquettes(), "series",
                    g.series())).replace("<", "\\u003c"));
            LocalDate aujourdhui = LocalDate.now(Vues.PARIS);
            m.put("titreTableau", switch (q.tableau()) {
                case "repartition" -> q.dimension().libelle() + " des demandes en attente au " + Vues.date(aujourdhui)
                        + ", par " + libelle(q.granularite()).toLowerCase(Locale.FRANCE);
                case "delais" -> TABLEAUX.get(q.tableau()) + ", au " + Vues.date(aujourdhui);
                default -> TABLEAUX.get(q.tableau()) + " — du " + Vues.date(q.debut()) + " au " + Vues.date(q.fin());
            });
            m.put("exports", rapports.isEmpty() ? List.of() : java.util.Arrays.stream(FormatExport.values())
                    .map(f -> Map.of("format", f.name(), "lien", "/statistiques/export?" + q.requete() + "&format="
                            + f.name())).toList());
        } catch (DemandeInvalideException e) {
            m.put("erreurs", DemandesPages.erreurs(e.getErreurs()));
            return vues.page("statistiques", m, 400);
        } catch (RegistreException e) {
            return vues.message("Statistiques refusées", e.getMessage(), l.get().session(), l.get().droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
        return vues.page("statistiques", m);
    }

    /**
     * The map of the pending demand by département today (the stock of the Infocentre, the caller's perimeter), with
     * the same figures in a table.
     */
    @GET
    @Path("carte")
    public Response carte(@CookieParam(Garde.COOKIE_SESSION) String jeton) {
        Optional<Agent> l = lecteur(jeton);
        if (l.isEmpty()) {
            return garde.versConnexion("/statistiques/carte");
        }
        if (statistiques.isEmpty()) {
            return StatistiquesPages.infocentreAbsent(vues, l.get());
        }
        LocalDate jour = LocalDate.now(Vues.PARIS);
        try {
            TableauFlux t = statistiques.get(0).stock(jour, Granularite.DEPARTEMENT, l.get().contexte());
            Map<String, Long> valeurs = new LinkedHashMap<>();
            t.lignes().stream().filter(x -> !"TOTAL".equals(x.code())).forEach(x -> valeurs.put(x.code(),
                    x.stockFin()));
            String titre = "Demandes en attente par département au " + Vues.date(jour);
            Carte.Rendu rendu = Carte.dessiner(valeurs, "demandes en attente", titre);
            Map<String, String> noms = new java.util.HashMap<>(Carte.OUTRE_MER);
            Carte.metropole().forEach(d -> noms.put(d.code(), d.nom()));
            List<List<String>> lignes = valeurs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                    .reversed()).map(e -> List.of(noms.getOrDefault(e.getKey(), "Département") + " (" + e.getKey()
                    + ")", Nombres.entier(e.getValue()))).toList();
            Map<String, Object> m = vues.modele("Carte de la demande en attente", "statistiques", l.get().session(),
                    l.get().droits());
            m.put("titreCarte", titre);
            m.put("svg", rendu.svg());
            m.put("legende", rendu.legende());
            m.put("lignes", lignes);
            m.put("total", Nombres.entier(valeurs.values().stream().mapToLong(Long::longValue).sum()));
            m.put("source", Carte.SOURCE);
            return vues.page("carte", m);
        } catch (RegistreException e) {
            return vues.message("Statistiques refusées", e.getMessage(), l.get().session(), l.get().droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/svg+xml",
        "image/png", Vues.HTML})
    public Response exporter(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("tableau") String tableau,
                             @QueryParam("debut") String debut, @QueryParam("fin") String fin,
                             @QueryParam("granularite") String granularite,
                             @QueryParam("departement") String departement, @QueryParam("format") String format) {
        Optional<Agent> l = lecteur(jeton);
        if (l.isEmpty()) {
            return garde.versConnexion("/statistiques");
        }
        if (rapports.isEmpty()) {
            return vues.message("Exports indisponibles", "Les exports de l'Infocentre ne sont pas installés sur ce hub"
                    + " (fonctionnalité registre-statistiques).", l.get().session(), l.get().droits(), 503);
        }
        Demande q = Demande.lire(tableau, debut, fin, granularite, departement, LocalDate.now(Vues.PARIS));
        FormatExport f;
        try {
            f = FormatExport.valueOf(format == null ? "CSV" : format);
        } catch (IllegalArgumentException e) {
            return vues.message("Format inconnu", "Format d'export inconnu : CSV, XLSX, SVG ou PNG.",
                    l.get().session(), l.get().droits(), 400);
        }
        try {
            Export export = rapports.get(0).preparer(new TableauDemande(q.tableau(), q.debut(), q.fin(),
                    q.granularite(), q.dimension(), q.departement()), f, l.get().contexte());
            StreamingOutput contenu = export::ecrire;
            return Response.ok(contenu, f.typeMime()).header("Cache-Control", "no-store").header(
                    "Content-Disposition", "attachment; filename=\"" + q.tableau() + "-" + q.debut() + "-" + q.fin()
                            + "." + f.extension() + "\"").build();
        } catch (RegistreException e) {
            return vues.message("Export refusé", e.getMessage(), l.get().session(), l.get().droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
    }

    /** The page of a hub without the Infocentre (feature registre-statistiques): 503, saying which to install. */
    static Response infocentreAbsent(Vues vues, Agent a) {
        return vues.message("Statistiques indisponibles", "L'Infocentre n'est pas installé sur ce hub (fonctionnalité"
                + " registre-statistiques).", a.session(), a.droits(), 503);
    }

    private Optional<Agent> lecteur(String jeton) {
        return garde.agent(jeton);
    }

    /**
     * A chart and its table: the labels of the x axis, each series with its values (null: a masked cell, drawn as a
     * gap and shown as "secret"), and the table's rows as text.
     */
    public record Graphique(String type, List<String> etiquettes, List<Map<String, Object>> series,
                            List<String> colonnes, List<List<String>> lignes) {
    }

    static Graphique series(SerieMensuelle s) {
        List<String> etiquettes = new ArrayList<>();
        Map<String, List<Long>> valeurs = new LinkedHashMap<>();
        Map<String, String> champs = new LinkedHashMap<>();
        champs.put("nouvelles", "Nouvelles demandes");
        champs.put("renouvellements", "Renouvellements");
        champs.put("radiations", "Radiations");
        champs.put("attributions", "Attributions");
        champs.keySet().forEach(c -> valeurs.put(c, new ArrayList<>()));
        List<List<String>> lignes = new ArrayList<>();
        for (LigneMensuelle m : s.mois()) {
            String code = m.mois().toString();
            etiquettes.add(mois(m.mois()));
            Map<String, Long> v = Map.of("nouvelles", m.nouvelles(), "renouvellements", m.renouvellements(),
                    "radiations", m.radiations(), "attributions", m.attributions());
            List<String> ligne = new ArrayList<>(List.of(mois(m.mois())));
            for (String c : champs.keySet()) {
                boolean masque = s.secret().masque(code, c);
                valeurs.get(c).add(masque ? null : v.get(c));
                ligne.add(masque ? Secret.LIBELLE : Nombres.entier(v.get(c)));
            }
            lignes.add(ligne);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        champs.forEach((c, libelle) -> series.add(serie(libelle, valeurs.get(c))));
        List<String> colonnes = new ArrayList<>(List.of("Mois"));
        colonnes.addAll(champs.values());
        return new Graphique("line", etiquettes, series, colonnes, lignes);
    }

    /**
     * The attributions of the period by group: the attributions and those within a year as bars, the average délai
     * (months) and the share within a year in the table; masked cells as the secret says.
     */
    static Graphique satisfaction(TableauSatisfaction t) {
        List<String> etiquettes = new ArrayList<>();
        List<Long> attributions = new ArrayList<>();
        List<Long> enUnAn = new ArrayList<>();
        List<List<String>> lignes = new ArrayList<>();
        Secret s = t.secret();
        for (LigneSatisfaction l : t.lignes()) {
            String c = l.code();
            etiquettes.add(c);
            attributions.add(s.masque(c, "attributions") ? null : l.attributions());
            enUnAn.add(s.masque(c, "satisfaitesEnUnAn") ? null : l.satisfaitesEnUnAn());
            lignes.add(List.of(c, s.masque(c, "attributions") ? Secret.LIBELLE : Nombres.entier(l.attributions()),
                    s.masque(c, "delaiMoyenMois") || l.attributions() == 0 ? "—" : Nombres.decimal(
                            java.math.BigDecimal.valueOf(l.joursCumules() / 30.4375 / l.attributions())),
                    s.masque(c, "satisfaitesEnUnAn") ? Secret.LIBELLE : Nombres.entier(l.satisfaitesEnUnAn()),
                    s.masque(c, "partEnUnAn") || l.attributions() == 0 ? "—" : QualitePages.pourcent(
                            100.0 * l.satisfaitesEnUnAn() / l.attributions())));
        }
        return new Graphique("bar", etiquettes, List.of(serie("Attributions", attributions),
                serie("Satisfaites en moins d'un an", enUnAn)), List.of("Territoire", "Attributions",
                "Délai moyen (mois)", "Satisfaites en moins d'un an", "Part en moins d'un an"), lignes);
    }

    /**
     * The pending demands above the délai anormalement long, by département: all pending and those above as bars,
     * the share in the table (each département's threshold is its own, by typology).
     */
    static Graphique delais(TableauDelais t) {
        List<String> etiquettes = new ArrayList<>();
        List<Long> attente = new ArrayList<>();
        List<Long> auDela = new ArrayList<>();
        List<List<String>> lignes = new ArrayList<>();
        Secret s = t.secret();
        for (LigneDelai l : t.parDepartement()) {
            String c = l.departement();
            etiquettes.add(c);
            attente.add(s.masque(c, "enAttente") ? null : l.enAttente());
            auDela.add(s.masque(c, "auDela") ? null : l.auDela());
            lignes.add(List.of(c, s.masque(c, "enAttente") ? Secret.LIBELLE : Nombres.entier(l.enAttente()),
                    s.masque(c, "auDela") ? Secret.LIBELLE : Nombres.entier(l.auDela()), s.masque(c, "part")
                            ? Secret.LIBELLE : QualitePages.pourcent(l.part())));
        }
        return new Graphique("bar", etiquettes, List.of(serie("Demandes en attente", attente), serie(
                "Au-delà du délai anormalement long", auDela)), List.of("Département", "Demandes en attente",
                "Au-delà du délai", "Part"), lignes);
    }

    /** A breakdown: one bar per modality in each group, the table with its total. */
    static Graphique repartition(Repartition r) {
        List<String> etiquettes = new ArrayList<>();
        Map<String, List<Long>> valeurs = new LinkedHashMap<>();
        r.dimension().modalites().forEach(x -> valeurs.put(x, new ArrayList<>()));
        List<List<String>> lignes = new ArrayList<>();
        Secret s = r.secret();
        for (LigneRepartition l : r.lignes()) {
            etiquettes.add(l.code());
            List<String> ligne = new ArrayList<>(List.of(l.code()));
            long total = 0;
            for (String x : r.dimension().modalites()) {
                boolean masque = s.masque(l.code(), x);
                valeurs.get(x).add(masque ? null : l.effectif(x));
                ligne.add(masque ? Secret.LIBELLE : Nombres.entier(l.effectif(x)));
                total += l.effectif(x);
            }
            ligne.add(s.masque(l.code(), "total") ? Secret.LIBELLE : Nombres.entier(total));
            lignes.add(ligne);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        valeurs.forEach((x, v) -> series.add(serie(Libelles.de("Modalite", x), v)));
        List<String> colonnes = new ArrayList<>(List.of("Territoire"));
        r.dimension().modalites().forEach(x -> colonnes.add(Libelles.de("Modalite", x)));
        colonnes.add("Total");
        return new Graphique("bar", etiquettes, series, colonnes, lignes);
    }

    static Graphique flux(TableauFlux t) {
        List<String> etiquettes = new ArrayList<>();
        List<Long> debut = new ArrayList<>();
        List<Long> nouvelles = new ArrayList<>();
        List<Long> radiations = new ArrayList<>();
        List<Long> fin = new ArrayList<>();
        List<List<String>> lignes = new ArrayList<>();
        Secret s = t.secret();
        for (LigneFlux l : t.lignes()) {
            String c = l.code();
            etiquettes.add(c);
            debut.add(s.masque(c, "stockDebut") ? null : l.stockDebut());
            nouvelles.add(s.masque(c, "nouvelles") ? null : l.nouvelles());
            radiations.add(s.masque(c, "radiations") ? null : l.radiations());
            fin.add(s.masque(c, "stockFin") ? null : l.stockFin());
            lignes.add(List.of(c, texte(s, c, "stockDebut", l.stockDebut()), texte(s, c, "nouvelles", l.nouvelles()),
                    texte(s, c, "radiations", l.radiations()), texte(s, c, "stockFin", l.stockFin())));
        }
        return new Graphique("bar", etiquettes, List.of(serie("Stock au début", debut),
                serie("Nouvelles demandes", nouvelles), serie("Radiations", radiations), serie("Stock à la fin", fin)),
                List.of("Territoire", "Stock au début", "Nouvelles demandes", "Radiations", "Stock à la fin"), lignes);
    }

    private static String texte(Secret s, String code, String champ, long valeur) {
        return s.masque(code, champ) ? Secret.LIBELLE : Nombres.entier(valeur);
    }

    private static Map<String, Object> serie(String libelle, List<Long> valeurs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("libelle", libelle);
        m.put("valeurs", valeurs);
        return m;
    }

    static String mois(YearMonth m) {
        return MOIS.format(m.atDay(1));
    }

    private static String libelle(Granularite g) {
        return switch (g) {
            case REGION -> "Région";
            case DEPARTEMENT -> "Département";
            case EPCI -> "EPCI";
            case COMMUNE -> "Commune";
            case GUICHET -> "Guichet";
        };
    }
}
