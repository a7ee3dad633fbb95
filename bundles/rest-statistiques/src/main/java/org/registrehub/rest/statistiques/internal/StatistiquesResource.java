package org.registrehub.rest.statistiques.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.SecurityContext;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.ParametresRecherche;
import org.registrehub.rest.commun.Probleme;
import org.registrehub.api.statistiques.Export;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.DimensionAttribution;
import org.registrehub.api.statistiques.LigneAccord;
import org.registrehub.api.statistiques.LignePression;
import org.registrehub.api.statistiques.TableauAttributions;
import org.registrehub.api.statistiques.TableauPression;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.RapportStatistiques;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauDemande;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauFlux;

/**
 * The Infocentre under {@code /api/v1/statistiques}, aggregated figures only (every authenticated role; a guichet or
 * a bailleur reads its territories, under the secret statistique: a masked cell is {@code null} and named in its
 * line's {@code secrets}, the threshold in {@code secretStatistique.seuil}): {@code /flux}, {@code /stock}, {@code /repartitions/{dimension}},
 * {@code /delais-anormalement-longs}, {@code /satisfaction}, {@code /series-mensuelles}, {@code /qualite} (JSON);
 * {@code /export/{tableau}.{csv|xlsx|svg|png}} (files) and {@code /rapport} (the HTML report).
 */
@Path("/")
public class StatistiquesResource {

    private final StatistiquesService statistiques;
    private final RapportStatistiques rapport;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    public StatistiquesResource(StatistiquesService statistiques, RapportStatistiques rapport, JsonCodec json) {
        this.statistiques = statistiques;
        this.rapport = rapport;
        this.json = json;
    }

    @GET
    @Path("/flux")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response flux(@QueryParam("debut") String debut, @QueryParam("fin") String fin,
                         @QueryParam("granularite") String granularite) {
        Periode p = periode(debut, fin, granularite);
        return json(corps(statistiques.flux(p.debut(), p.fin(), p.granularite(), contexte())));
    }

    @GET
    @Path("/stock")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response stock(@QueryParam("date") String date, @QueryParam("granularite") String granularite) {
        ParametresRecherche p = new ParametresRecherche();
        LocalDate d = p.date("date", date);
        Granularite g = granularite(p, granularite);
        p.verifier();
        if (d == null) {
            throw new DemandeInvalideException(List.of(new org.registrehub.api.ErreurChamp("date", "obligatoire",
                    null, "jour du stock (AAAA-MM-JJ)")));
        }
        return Response.ok(json.ecrire(corps(statistiques.stock(d, g, contexte()))), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/repartitions/{dimension}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response repartition(@PathParam("dimension") String dimension,
                                @QueryParam("granularite") String granularite) {
        ParametresRecherche p = new ParametresRecherche();
        Dimension d = p.valeur("dimension", dimension == null ? null : dimension.toUpperCase(Locale.ROOT)
                .replace('-', '_'), Dimension.class);
        Granularite g = granularite(p, granularite);
        p.verifier();
        Repartition r = statistiques.repartition(d, g, contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("dimension", r.dimension());
        corps.put("jour", r.jour());
        corps.put("granularite", r.granularite());
        return json(effectifs(corps, r.dimension().modalites(), r.lignes(), r.total(), r.secret()));
    }

    /** A breakdown's columns, its secret, its lines and its total, after what {@code corps} already says. */
    private static Map<String, Object> effectifs(Map<String, Object> corps, List<String> modalites,
                                                 List<LigneRepartition> lignes, LigneRepartition total,
                                                 Secret secret) {
        corps.put("modalites", modalites);
        secret(corps, secret);
        corps.put("lignes", lignes.stream().map(l -> ligne(l, secret)).toList());
        corps.put("total", ligne(total, secret));
        return corps;
    }

    private static Map<String, Object> ligne(LigneRepartition l, Secret secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.code());
        m.put("effectifs", l.effectifs());
        m.put("total", l.total());
        return masquer(m, l.code(), secret);
    }

    @GET
    @Path("/delais-anormalement-longs")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response delais() {
        TableauDelais t = statistiques.delaisAnormalementLongs(contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("jour", t.jour());
        secret(corps, t.secret());
        corps.put("lignes", t.lignes().stream().map(l -> cellules(l, l.departement() + ":" + l.typologie(),
                t.secret())).toList());
        corps.put("parDepartement", t.parDepartement().stream().map(l -> cellules(l, l.departement(), t.secret()))
                .toList());
        corps.put("total", cellules(t.total(), "TOTAL", t.secret()));
        return json(corps);
    }

    @GET
    @Path("/satisfaction")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response satisfaction(@QueryParam("debut") String debut, @QueryParam("fin") String fin,
                                 @QueryParam("granularite") String granularite) {
        Periode p = periode(debut, fin, granularite);
        TableauSatisfaction t = statistiques.satisfaction(p.debut(), p.fin(), p.granularite(), contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("debut", t.debut());
        corps.put("fin", t.fin());
        corps.put("granularite", t.granularite());
        secret(corps, t.secret());
        corps.put("lignes", t.lignes().stream().map(l -> ligne(l, t.secret())).toList());
        corps.put("total", ligne(t.total(), t.secret()));
        return json(corps);
    }

    private static Map<String, Object> ligne(LigneSatisfaction l, Secret secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.code());
        m.put("attributions", l.attributions());
        m.put("delaiMoyenMois", Math.round(l.delaiMoyenMois() * 100) / 100.0);
        m.put("satisfaitesEnUnAn", l.satisfaitesEnUnAn());
        m.put("partEnUnAn", Math.round(l.partEnUnAn() * 100) / 100.0);
        return masquer(m, l.code(), secret);
    }

    @GET
    @Path("/attributions/{dimension}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response attributions(@PathParam("dimension") String dimension, @QueryParam("debut") String debut,
                                 @QueryParam("fin") String fin, @QueryParam("granularite") String granularite) {
        ParametresRecherche p = new ParametresRecherche();
        DimensionAttribution d = p.valeur("dimension", dimension == null ? null : dimension.toUpperCase(Locale.ROOT)
                .replace('-', '_'), DimensionAttribution.class);
        LocalDate debutPeriode = p.date("debut", debut);
        LocalDate finPeriode = p.date("fin", fin);
        Granularite g = granularite(p, granularite);
        p.verifier();
        TableauAttributions t = statistiques.attributions(debutPeriode, finPeriode, g, d, contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("dimension", t.dimension());
        corps.put("debut", t.debut());
        corps.put("fin", t.fin());
        corps.put("granularite", t.granularite());
        return json(effectifs(corps, t.modalites(), t.lignes(), t.total(), t.secret()));
    }

    @GET
    @Path("/pression")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response pression(@QueryParam("debut") String debut, @QueryParam("fin") String fin) {
        Periode p = periode(debut, fin, null);
        TableauPression t = statistiques.pression(p.debut(), p.fin(), contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("debut", t.debut());
        corps.put("fin", t.fin());
        secret(corps, t.secret());
        corps.put("lignes", t.lignes().stream().map(l -> pression(l, t.secret())).toList());
        corps.put("total", pression(t.total(), t.secret()));
        return json(corps);
    }

    private static Map<String, Object> pression(LignePression l, Secret secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commune", l.commune());
        m.put("enAttente", l.enAttente());
        m.put("attributions", l.attributions());
        m.put("pression", l.pression());
        return masquer(m, l.commune(), secret);
    }

    @GET
    @Path("/accords")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response accords(@QueryParam("annee") String annee) {
        return json(accordsAvecTaux(statistiques.accords(annee(annee), contexte())));
    }

    /** The body: {@code {"objectif": 120}}. */
    public record Objectif(Long objectif) {
    }

    @PUT
    @Path("/accords/{territoire}/{bailleur}/{annee}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response definirAccord(@PathParam("territoire") String territoire, @PathParam("bailleur") String bailleur,
                                  @PathParam("annee") String annee, java.io.InputStream body) {
        Objectif o = json.lire(body, Objectif.class);
        if (o == null || o.objectif() == null) {
            throw new DemandeInvalideException(List.of(new org.registrehub.api.ErreurChamp("objectif", "obligatoire",
                    null, "nombre de ménages prioritaires à loger dans l'année")));
        }
        return json(accordsAvecTaux(List.of(statistiques.definirAccord(territoire, bailleur, annee(annee),
                o.objectif(), contexte()))).get(0));
    }

    private static List<Map<String, Object>> accordsAvecTaux(List<LigneAccord> accords) {
        return accords.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("territoire", a.territoire());
            m.put("bailleur", a.bailleur());
            m.put("annee", a.annee());
            m.put("objectif", a.objectif());
            m.put("realise", a.realise());
            m.put("taux", a.taux());
            return m;
        }).toList();
    }

    private static int annee(String annee) {
        if (annee == null || !annee.strip().matches("[0-9]{4}")) {
            throw new DemandeInvalideException(List.of(new org.registrehub.api.ErreurChamp("annee", "format", annee,
                    "année sur quatre chiffres (2026)")));
        }
        return Integer.parseInt(annee.strip());
    }

    @GET
    @Path("/series-mensuelles")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response series(@QueryParam("debut") String debut, @QueryParam("fin") String fin,
                           @QueryParam("departement") String departement) {
        ParametresRecherche p = new ParametresRecherche();
        LocalDate d = p.date("debut", debut);
        LocalDate f = p.date("fin", fin);
        p.verifier();
        SerieMensuelle s = statistiques.serieMensuelle(d, f, p.texte(departement), contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("debut", s.debut());
        corps.put("fin", s.fin());
        corps.put("departement", s.departement());
        secret(corps, s.secret());
        corps.put("mois", s.mois().stream().map(m -> cellules(m, m.mois().toString(), s.secret())).toList());
        return json(corps);
    }

    @GET
    @Path("/qualite")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response qualite() {
        TableauQualite t = statistiques.qualite(contexte());
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("jour", t.jour());
        corps.put("indicateurs", java.util.Arrays.stream(IndicateurQualite.values()).map(i -> Map.of("code", i.name(),
                "libelle", i.libelle(), "definition", i.definition())).toList());
        secret(corps, t.secret());
        corps.put("lignes", t.lignes().stream().map(l -> cellules(l, l.guichet(), t.secret())).toList());
        corps.put("total", cellules(t.total(), "TOTAL", t.secret()));
        return json(corps);
    }

    /** {@code /export/flux.csv?debut=&fin=&granularite=}, {@code /export/repartition.xlsx?dimension=AGE} … */
    @GET
    @Path("/export/{fichier}")
    public Response exporter(@PathParam("fichier") String fichier, @QueryParam("debut") String debut,
                             @QueryParam("fin") String fin, @QueryParam("granularite") String granularite,
                             @QueryParam("dimension") String dimension,
                             @QueryParam("departement") String departement,
                             @QueryParam("diffusion") String diffusion) {
        ParametresRecherche p = new ParametresRecherche();
        int point = fichier.lastIndexOf('.');
        String tableau = point < 0 ? fichier : fichier.substring(0, point);
        FormatExport format = p.valeur("format", point < 0 ? null : fichier.substring(point + 1)
                .toUpperCase(Locale.ROOT), FormatExport.class);
        if (point < 0) {
            throw new DemandeInvalideException(List.of(new org.registrehub.api.ErreurChamp("format", "obligatoire",
                    fichier, "extension .csv, .xlsx, .svg ou .png")));
        }
        LocalDate d = p.date("debut", debut);
        LocalDate f = p.date("fin", fin);
        Granularite g = granularite(p, granularite);
        boolean satisfaites = "attributions".equals(tableau);
        Dimension dim = dimension == null || satisfaites ? null : p.valeur("dimension", dimension, Dimension.class);
        DimensionAttribution dimAttribution = dimension == null || !satisfaites ? null
                : p.valeur("dimension", dimension, DimensionAttribution.class);
        boolean pourDiffusion = diffusion != null && p.valeur("diffusion", diffusion.toUpperCase(Locale.ROOT),
                Diffusion.class) == Diffusion.TRUE;
        p.verifier();
        // computed and checked here (a 400 or 403 before any byte), then encoded straight into the response
        Export export = rapport.preparer(new TableauDemande(tableau, d, f, g, dim, p.texte(departement),
                pourDiffusion, dimAttribution), format, contexte());
        String suffixe = dim != null ? dim.name() : dimAttribution != null ? dimAttribution.name() : null;
        StreamingOutput contenu = export::ecrire;
        return Response.ok(contenu, format.typeMime())
                .header("Content-Disposition", "attachment; filename=\"" + tableau
                        + (suffixe == null ? "" : "-" + suffixe.toLowerCase(Locale.ROOT)) + "." + format.extension()
                        + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The HTML report of a period, for a browser. */
    @GET
    @Path("/rapport")
    @Produces({MediaType.TEXT_HTML, Probleme.MEDIA_TYPE})
    public Response rapport(@QueryParam("debut") String debut, @QueryParam("fin") String fin,
                            @QueryParam("granularite") String granularite) {
        Periode p = periode(debut, fin, granularite);
        String html = rapport.rapportHtml(p.debut(), p.fin(), p.granularite(), "export", contexte());
        return Response.ok(html, MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'")
                .header("Cache-Control", "no-store").build();
    }

    /** {@code ?diffusion=true}: the file leaves the circle, its small cells are masked. */
    private enum Diffusion {
        TRUE, FALSE
    }

    private Response json(Object corps) {
        return Response.ok(json.ecrire(corps), MediaType.APPLICATION_JSON).build();
    }

    /** The period and granularity of a request, read and checked (400 naming each parameter at fault). */
    private record Periode(LocalDate debut, LocalDate fin, Granularite granularite) {
    }

    private static Periode periode(String debut, String fin, String granularite) {
        ParametresRecherche p = new ParametresRecherche();
        LocalDate d = p.date("debut", debut);
        LocalDate f = p.date("fin", fin);
        Granularite g = granularite(p, granularite);
        p.verifier();
        return new Periode(d, f, g);
    }

    /** By département unless asked otherwise. */
    private static Granularite granularite(ParametresRecherche p, String valeur) {
        return valeur == null ? Granularite.DEPARTEMENT : p.valeur("granularite", valeur, Granularite.class);
    }

    /** The table, its lines and its total. */
    private static Map<String, Object> corps(TableauFlux t) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("debut", t.debut());
        corps.put("fin", t.fin());
        corps.put("granularite", t.granularite());
        secret(corps, t.secret());
        corps.put("lignes", t.lignes().stream().map(l -> cellules(l, l.code(), t.secret())).toList());
        corps.put("total", cellules(t.total(), "TOTAL", t.secret()));
        return corps;
    }

    /** The threshold of a table read under the secret statistique. */
    private static void secret(Map<String, Object> corps, Secret secret) {
        if (secret.actif()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seuil", secret.seuil());
            s.put("libelle", "effectifs de 1 à " + (secret.seuil() - 1) + " masqués, avec les cellules qui "
                    + "permettraient de les retrouver");
            corps.put("secretStatistique", s);
        }
    }

    /**
     * A line as JSON: its components (a map's entries for a breakdown or indicators), each masked cell {@code null}
     * and named in {@code secrets}.
     */
    static Map<String, Object> cellules(Record ligne, String code, Secret secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : ligne.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(ligne));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(c.getName(), e);
            }
        }
        return masquer(m, code, secret);
    }

    private static Map<String, Object> masquer(Map<String, Object> m, String code, Secret secret) {
        if (!secret.actif()) {
            return m;
        }
        List<String> secrets = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sous) {
                Map<String, Object> copie = new LinkedHashMap<>();
                sous.forEach((k, v) -> {
                    String champ = k instanceof Enum<?> x ? x.name() : String.valueOf(k);
                    boolean masque = secret.masque(code, champ);
                    if (masque) {
                        secrets.add(champ);
                    }
                    copie.put(champ, masque ? null : v);
                });
                e.setValue(copie);
            } else if (secret.masque(code, e.getKey())) {
                e.setValue(null);
                secrets.add(e.getKey());
            }
        }
        if (!secrets.isEmpty()) {
            m.put("secrets", secrets);
        }
        return m;
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
