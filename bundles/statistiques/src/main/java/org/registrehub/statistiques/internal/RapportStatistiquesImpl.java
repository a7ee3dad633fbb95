package org.registrehub.statistiques.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.commons.io.output.CountingOutputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Export;
import org.registrehub.api.statistiques.DimensionAttribution;
import org.registrehub.api.statistiques.TableauAttributions;
import org.registrehub.api.statistiques.TableauPression;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.Periode;
import org.registrehub.api.statistiques.RapportStatistiques;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauDemande;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Infocentre's tables as files and as one HTML page (tables, inline SVG charts, links to every file, the
 * definitions of the quality indicators). Defaults: the twelve months up to today, by département.
 */
@Component(service = RapportStatistiques.class, configurationPid = "org.registrehub.statistiques")
public class RapportStatistiquesImpl implements RapportStatistiques {

    private static final Logger LOG = LoggerFactory.getLogger(RapportStatistiquesImpl.class);
    static final List<String> TABLEAUX = List.of("flux", "repartition", "delais", "satisfaction", "attributions",
            "pression", "accords", "series", "qualite", "rapport");

    private final StatistiquesService statistiques;
    private final Clock horloge;
    private volatile java.nio.file.Path exports;
    /** {@code secretStatistique.seuil}, for the tables asked for diffusion. */
    private volatile int seuilSecret = ReglesStatistiques.SEUIL_SECRET;
    /** The threads computing a whole report's tables side by side ({@code rapport.parallelisme}, 2 by default). */
    private volatile java.util.concurrent.ExecutorService calculs = calculs(PARALLELISME);
    static final int PARALLELISME = 2;

    @Activate
    public RapportStatistiquesImpl(@Reference StatistiquesService statistiques, java.util.Map<String, Object> config) {
        this(statistiques, Clock.system(ZoneId.of("Europe/Paris")));
        modifier(config);
    }

    RapportStatistiquesImpl(StatistiquesService statistiques, Clock horloge) {
        this.statistiques = statistiques;
        this.horloge = horloge;
        this.exports = java.nio.file.Path.of(System.getProperty("karaf.data", "data"), "registre", "exports");
    }

    /** {@code export.repertoire}: where the console's exports go (default ${karaf.data}/registre/exports). */
    @org.osgi.service.component.annotations.Modified
    void modifier(java.util.Map<String, Object> config) {
        Object r = config == null ? null : config.get("export.repertoire");
        exports = r == null || r.toString().isBlank()
                ? java.nio.file.Path.of(System.getProperty("karaf.data", "data"), "registre", "exports")
                : java.nio.file.Path.of(r.toString().strip());
        Object p = config == null ? null : config.get("rapport.parallelisme");
        int parallelisme = PARALLELISME;
        if (p != null && !p.toString().isBlank()) {
            try {
                parallelisme = Math.max(1, Math.min(16, Integer.parseInt(p.toString().strip())));
            } catch (NumberFormatException e) {
                LOG.error("rapport.parallelisme « {} » n'est pas un nombre : {} tableaux calculés à la fois", p,
                        PARALLELISME);
            }
        }
        java.util.concurrent.ExecutorService avant = calculs;
        calculs = calculs(parallelisme);
        avant.shutdown();
        if (config != null) {
            try {
                seuilSecret = ReglesStatistiques.lire(config).seuilSecret();
            } catch (IllegalArgumentException e) {
                LOG.error("Configuration org.registrehub.statistiques refusée, le seuil du secret reste {} : {}",
                        seuilSecret, e.getMessage());
            }
        }
    }

    private static java.util.concurrent.ExecutorService calculs(int threads) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "registre-rapport-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @org.osgi.service.component.annotations.Deactivate
    void arreter() {
        calculs.shutdownNow();
    }

    /**
     * The tables of a report, computed side by side (each reads its own figures in its own transaction), in the
     * order asked; the first failure is thrown as it was.
     */
    private List<Tableau> tableaux(List<TableauDemande> demandes, Contexte contexte) {
        java.util.concurrent.ExecutorService executeur = calculs;
        List<java.util.concurrent.Future<List<Tableau>>> calculsEnCours = new ArrayList<>();
        try {
            // the breakdowns of the pending demands, and those of one period's satisfied demands, each kind in one task
            // (the service reads the demands once for several of them), every other table in its own
            Map<List<String>, List<TableauDemande>> ensembles = new java.util.LinkedHashMap<>();
            for (TableauDemande d : demandes) {
                if ("attributions".equals(d.tableau()) || "repartition".equals(d.tableau())) {
                    ensembles.computeIfAbsent(ensemble(d), k -> new ArrayList<>()).add(d);
                }
            }
            Map<List<String>, Integer> tacheDeLEnsemble = new java.util.HashMap<>();
            List<Integer> taches = new ArrayList<>();
            for (TableauDemande d : demandes) {
                List<TableauDemande> ensemble = ensembles.get(ensemble(d));
                if (ensemble != null && ensemble.size() > 1) {
                    taches.add(tacheDeLEnsemble.computeIfAbsent(ensemble(d), k -> {
                        calculsEnCours.add(executeur.submit(() -> tableauxEnsemble(ensemble, contexte)));
                        return calculsEnCours.size() - 1;
                    }));
                } else {
                    taches.add(calculsEnCours.size());
                    calculsEnCours.add(executeur.submit(() -> List.of(tableau(d, contexte))));
                }
            }
            List<List<Tableau>> resultats = new ArrayList<>(calculsEnCours.size());
            for (java.util.concurrent.Future<List<Tableau>> f : calculsEnCours) {
                resultats.add(f.get());
            }
            List<Tableau> tableaux = new ArrayList<>(demandes.size());
            Map<Integer, Integer> lus = new java.util.HashMap<>();
            for (int k = 0; k < demandes.size(); k++) {
                // a task's tables come in the order of its demands, which is the report's
                int tache = taches.get(k);
                tableaux.add(resultats.get(tache).get(lus.merge(tache, 1, Integer::sum) - 1));
            }
            return tableaux;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rapport interrompu", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the configuration changed meanwhile: computed here, one after the other
            return demandes.stream().map(d -> tableau(d, contexte)).toList();
        } finally {
            calculsEnCours.forEach(f -> f.cancel(true));
        }
    }

    /** For the tests. */
    void exports(java.nio.file.Path dossier) {
        this.exports = dossier;
    }

    static final java.util.regex.Pattern NOM_FICHIER = java.util.regex.Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$");

    @Override
    public java.nio.file.Path deposer(String nomFichier, byte[] contenu, Contexte contexte) {
        return deposer(nomFichier, out -> out.write(contenu), contexte);
    }

    @Override
    public java.nio.file.Path deposer(String nomFichier, Export export, Contexte contexte) {
        return deposer(nomFichier, export::ecrire, contexte);
    }

    /** Writes a file of the exports folder through a hidden partial file, moved in place once complete. */
    private java.nio.file.Path deposer(String nomFichier, Contenu contenu, Contexte contexte) {
        if (nomFichier == null || !NOM_FICHIER.matcher(nomFichier).matches() || nomFichier.contains("..")) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("fichier", "nom", nomFichier,
                    "un nom de fichier seul (lettres, chiffres, . _ -), sans dossier : il est écrit dans " + exports
                            + " (export.repertoire)")));
        }
        java.nio.file.Path cible = exports.resolve(nomFichier);
        java.nio.file.Path partiel = exports.resolve("." + nomFichier + ".partiel");
        try {
            java.nio.file.Files.createDirectories(exports);
            java.nio.file.Files.deleteIfExists(partiel);
            try {
                java.nio.file.Files.createFile(partiel, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                java.nio.file.Files.createFile(partiel);
            }
            try (OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(partiel),
                    1 << 16)) {
                contenu.ecrire(out);
            } catch (IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(partiel);
                throw e;
            }
            java.nio.file.Files.move(partiel, cible, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Export statistique {} écrit par {} ({} octets)", cible, contexte.acteur(),
                    java.nio.file.Files.size(cible));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("export impossible à écrire dans " + exports, e);
        }
        return cible;
    }

    /** What a file of the exports folder receives. */
    @FunctionalInterface
    private interface Contenu {
        void ecrire(OutputStream out) throws IOException;
    }

    @Override
    public List<String> tableaux() {
        return TABLEAUX;
    }

    @Override
    public Export preparer(TableauDemande demande, FormatExport format, Contexte contexte) {
        if (format == null) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("format", "obligatoire", null,
                    "csv, xlsx, svg ou png")));
        }
        long t0 = System.nanoTime();
        List<Tableau> tableaux;
        if ("rapport".equals(demande.tableau())) {
            if (format != FormatExport.XLSX) {
                throw new DemandeInvalideException(List.of(new ErreurChamp("format", "rapport", format.extension(),
                        "le rapport complet s'exporte en xlsx (une feuille par tableau)")));
            }
            tableaux = tableaux(tableauxDuRapport(demande.debut(), demande.fin(), demande.granularite(),
                    demande.diffusion()), contexte);
        } else {
            tableaux = List.of(tableau(demande, contexte));
        }
        return new ExportTableaux(demande.tableau(), format, tableaux, contexte.acteur(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The tables of an export, computed; the file is encoded into the stream it is written to. */
    private record ExportTableaux(String tableau, FormatExport format, List<Tableau> tableaux, String acteur,
                                  long calculMs) implements Export {

        @Override
        public void ecrire(OutputStream sortie) throws IOException {
            long t0 = System.nanoTime();
            CountingOutputStream compte = new CountingOutputStream(CloseShieldOutputStream.wrap(sortie));
            try (compte) {
                switch (format) {
                    case CSV -> Ecritures.csv(tableaux.get(0), compte);
                    case XLSX -> Ecritures.xlsx(tableaux, compte);
                    case SVG -> compte.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            + Ecritures.svg(tableaux.get(0))).getBytes(StandardCharsets.UTF_8));
                    case PNG -> Ecritures.png(tableaux.get(0), compte);
                }
            }
            LOG.info("Export statistique {} ({}) pour {} : {} octets, calculé en {} ms, écrit en {} ms", tableau,
                    format, acteur, compte.getByteCount(), calculMs, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The tables read together: the same kind of breakdown, period, granularity and diffusion. */
    private static List<String> ensemble(TableauDemande d) {
        return List.of(String.valueOf(d.tableau()), String.valueOf(d.debut()), String.valueOf(d.fin()),
                String.valueOf(d.granularite()), String.valueOf(d.diffusion()));
    }

    /** The tables of several breakdowns of one kind ({@link #ensemble}), from one reading of the demands. */
    private List<Tableau> tableauxEnsemble(List<TableauDemande> demandes, Contexte contexte) {
        TableauDemande d = avecDefauts(demandes.get(0));
        int s = d.diffusion() ? seuilSecret : 0;
        if ("repartition".equals(d.tableau())) {
            return statistiques.repartitions(demandes.stream().map(x -> avecDefauts(x).dimension()).toList(),
                    d.granularite(), contexte).stream().map(t -> Tableaux.repartition(secret(t, Repartition::secret,
                    s, SecretStatistique::repartition))).toList();
        }
        return statistiques.attributions(d.debut(), d.fin(), d.granularite(), demandes.stream()
                        .map(x -> avecDefauts(x).dimensionAttribution()).toList(), contexte).stream()
                .map(t -> Tableaux.attributions(secret(t, TableauAttributions::secret, s,
                        SecretStatistique::attributions))).toList();
    }

    /**
     * The defaults applied: the twelve months up to today ({@link Periode#parDefaut}), by département, typology for a
     * breakdown.
     */
    private TableauDemande avecDefauts(TableauDemande d) {
        Periode p = Periode.completer(d.debut(), d.fin(), LocalDate.now(horloge));
        return new TableauDemande(d.tableau(), p.debut(), p.fin(), d.granularite() == null ? Granularite.DEPARTEMENT
                : d.granularite(), d.dimension() == null && "repartition".equals(d.tableau()) ? Dimension.TYPOLOGIE
                : d.dimension(), d.departement(), d.diffusion(), d.dimensionAttribution() == null
                && "attributions".equals(d.tableau()) ? DimensionAttribution.TYPOLOGIE : d.dimensionAttribution());
    }

    /** The table asked for, the defaults applied. */
    Tableau tableau(TableauDemande demande, Contexte contexte) {
        TableauDemande d = avecDefauts(demande);
        String nom = d.tableau() == null ? "" : d.tableau();
        // a table for diffusion gets the secret even when the caller reads it exact (the service masked it already
        // for a partner)
        int s = d.diffusion() ? seuilSecret : 0;
        return switch (nom) {
            case "flux" -> Tableaux.flux(secret(statistiques.flux(d.debut(), d.fin(), d.granularite(), contexte),
                    TableauFlux::secret, s, SecretStatistique::flux));
            case "repartition" -> Tableaux.repartition(secret(statistiques.repartition(d.dimension(),
                    d.granularite(), contexte), Repartition::secret, s, SecretStatistique::repartition));
            case "delais" -> Tableaux.delais(secret(statistiques.delaisAnormalementLongs(contexte),
                    TableauDelais::secret, s, SecretStatistique::delais));
            case "satisfaction" -> Tableaux.satisfaction(secret(statistiques.satisfaction(d.debut(), d.fin(),
                    d.granularite(), contexte), TableauSatisfaction::secret, s, SecretStatistique::satisfaction));
            case "attributions" -> Tableaux.attributions(secret(statistiques.attributions(d.debut(), d.fin(),
                    d.granularite(), d.dimensionAttribution(), contexte), TableauAttributions::secret, s,
                    SecretStatistique::attributions));
            case "pression" -> Tableaux.pression(secret(statistiques.pression(d.debut(), d.fin(), contexte),
                    TableauPression::secret, s, SecretStatistique::pression));
            case "accords" -> Tableaux.accords(d.fin().getYear(), statistiques.accords(d.fin().getYear(), contexte));
            case "series" -> Tableaux.serie(secret(statistiques.serieMensuelle(d.debut(), d.fin(), d.departement(),
                    contexte), SerieMensuelle::secret, s, SecretStatistique::serie));
            case "qualite" -> Tableaux.qualite(secret(statistiques.qualite(contexte), TableauQualite::secret, s,
                    SecretStatistique::qualite));
            default -> throw new DemandeInvalideException(List.of(new ErreurChamp("tableau", "inconnu",
                    d.tableau(), String.join(", ", TABLEAUX))));
        };
    }

    /** The table with its small cells masked when asked ({@code seuil} > 0) and not masked already. */
    private static <T> T secret(T tableau, java.util.function.Function<T, Secret> secret, int seuil,
                                java.util.function.BiFunction<T, Integer, T> masquer) {
        return seuil > 0 && !secret.apply(tableau).actif() ? masquer.apply(tableau, seuil) : tableau;
    }

    /** Every table of the report of a period, in its order, the defaults applied. */
    private List<TableauDemande> tableauxDuRapport(LocalDate debut, LocalDate fin, Granularite granularite) {
        return tableauxDuRapport(debut, fin, granularite, false);
    }

    private List<TableauDemande> tableauxDuRapport(LocalDate debut, LocalDate fin, Granularite granularite,
                                                   boolean diffusion) {
        TableauDemande periode = avecDefauts(new TableauDemande("rapport", debut, fin, granularite, null, null));
        List<TableauDemande> demandes = new ArrayList<>();
        demandes.add(new TableauDemande("flux", periode.debut(), periode.fin(), periode.granularite(), null, null,
                diffusion));
        for (Dimension dimension : Dimension.values()) {
            demandes.add(new TableauDemande("repartition", periode.debut(), periode.fin(), periode.granularite(),
                    dimension, null, diffusion));
        }
        for (String nom : List.of("delais", "satisfaction")) {
            demandes.add(new TableauDemande(nom, periode.debut(), periode.fin(), periode.granularite(), null, null,
                    diffusion));
        }
        // the satisfied demands of the period, every breakdown, then the pressure by commune
        for (DimensionAttribution dimension : DimensionAttribution.values()) {
            demandes.add(new TableauDemande("attributions", periode.debut(), periode.fin(), periode.granularite(),
                    null, null, diffusion, dimension));
        }
        demandes.add(new TableauDemande("pression", periode.debut(), periode.fin(), periode.granularite(), null,
                null, diffusion));
        for (String nom : List.of("series", "qualite")) {
            demandes.add(new TableauDemande(nom, periode.debut(), periode.fin(), periode.granularite(), null, null,
                    diffusion));
        }
        return demandes;
    }

    @Override
    public String rapportHtml(LocalDate debut, LocalDate fin, Granularite granularite, String lienExports,
                              Contexte contexte) {
        long t0 = System.nanoTime();
        List<TableauDemande> demandes = tableauxDuRapport(debut, fin, granularite);
        LocalDate d = demandes.get(0).debut();
        LocalDate f = demandes.get(0).fin();
        Granularite g = demandes.get(0).granularite();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<title>Registre Hub — rapport statistique du ").append(d).append(" au ").append(f)
                .append("</title><style>")
                .append("body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#1b2a3a}")
                .append("h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #3465a4}")
                .append("table{border-collapse:collapse;font-size:.85em;margin:.5em 0}")
                .append("th,td{border:1px solid #b0b8c4;padding:.2em .5em}th{background:#dde4ee}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:bold}")
                .append(".liens a{margin-right:1em}.graphe,.tableau{max-width:100%;overflow-x:auto}")
                .append("</style></head><body>\n");
        html.append("<h1>Rapport statistique du registre — du ").append(d).append(" au ").append(f)
                .append("</h1>\n<p>Chiffres agrégés (aucune donnée nominative). Stock et flux exacts à toute date, ")
                .append("calculés sur l'historique ; répartitions, délais et qualité : demandes en attente au ")
                .append(LocalDate.now(horloge)).append(".</p>\n<p>Une cellule « ").append(Secret.LIBELLE)
                .append(" » compte trop peu de demandes pour être diffusée (secret statistique) ; les totaux qui la ")
                .append("contiennent le sont aussi.</p>\n");
        if (lienExports != null) {
            html.append("<p class=\"liens\"><a href=\"").append(echapper(lien(lienExports, "rapport",
                    FormatExport.XLSX, d, f, g, null))).append("\">Tout le rapport en XLSX</a></p>\n");
        }
        List<Tableau> tableaux = tableaux(demandes, contexte);
        for (int k = 0; k < demandes.size(); k++) {
            TableauDemande demande = demandes.get(k);
            Tableau t = tableaux.get(k);
            String nom = demande.tableau();
            Dimension dimension = demande.dimension();
            html.append("<section id=\"").append(echapper(t.nom())).append("\"><h2>").append(echapper(t.titre()))
                    .append("</h2>\n");
            if (lienExports != null) {
                html.append("<p class=\"liens\">");
                for (FormatExport fe : FormatExport.values()) {
                    html.append("<a href=\"").append(echapper(lien(lienExports, nom, fe, d, f, g, dimension)))
                            .append("\">").append(fe.extension().toUpperCase(Locale.ROOT)).append("</a>");
                }
                html.append("</p>\n");
            }
            html.append("<div class=\"graphe\">").append(Ecritures.svg(t)).append("</div>\n");
            table(html, t);
            if (nom.equals("qualite")) {
                html.append("<h3>Définitions des indicateurs</h3><table><tr><th>Indicateur</th><th>Définition</th>")
                        .append("</tr>");
                for (IndicateurQualite i : IndicateurQualite.values()) {
                    html.append("<tr><td>").append(echapper(i.libelle())).append("</td><td>")
                            .append(echapper(i.definition())).append("</td></tr>");
                }
                html.append("</table>\n");
            }
            html.append("</section>\n");
        }
        html.append("</body></html>\n");
        LOG.info("Rapport statistique du {} au {} pour {} : {} tableaux en {} ms", d, f, contexte.acteur(),
                demandes.size(), (System.nanoTime() - t0) / 1_000_000);
        return html.toString();
    }

    private static void table(StringBuilder html, Tableau t) {
        html.append("<div class=\"tableau\"><table><thead><tr>");
        for (String c : t.colonnes()) {
            html.append("<th>").append(echapper(Ecritures.libelle(c))).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (List<Object> ligne : t.lignes()) {
            html.append("TOTAL".equals(ligne.get(0)) ? "<tr class=\"total\">" : "<tr>");
            for (Object v : ligne) {
                if (v instanceof Number) {
                    html.append("<td class=\"n\">").append(nombre(v)).append("</td>");
                } else {
                    html.append("<td>").append(echapper(Ecritures.libelle(v))).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static String nombre(Object v) {
        return v instanceof Double x ? String.format(Locale.FRANCE, "%,.2f", x)
                : String.format(Locale.FRANCE, "%,d", ((Number) v).longValue());
    }

    private static String lien(String base, String tableau, FormatExport format, LocalDate debut, LocalDate fin,
                               Granularite g, Dimension dimension) {
        return (base == null ? "" : base) + "/" + tableau + "." + format.extension() + "?debut=" + debut + "&fin="
                + fin + "&granularite=" + g.name() + (dimension == null ? "" : "&dimension=" + dimension.name());
    }

    static String echapper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
