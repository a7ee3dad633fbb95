package org.registrehub.web.portail.internal;

import java.util.ArrayList;
import java.util.HashMap;
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

import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Libelles;
import org.registrehub.api.Typologie;
import org.registrehub.api.acces.AnnuaireService;
import org.registrehub.api.acces.Guichet;
import org.registrehub.api.portail.PortailService;
import org.registrehub.api.portail.SessionPortail;
import org.registrehub.api.statistiques.InformationCommune;
import org.registrehub.api.statistiques.InformationsLocales;
import org.registrehub.web.commun.Gabarits;
import org.registrehub.web.commun.Theme;

/**
 * The portal's public pages about the territory (no sign-in): the local information per commune the register
 * publishes (social dwellings, pending demands and attributions by typology, waiting time; small counts masked), the
 * same for every commune as an open-data CSV file, and the directory of the guichets where to file or follow a demand.
 */
@Path("/")
public class Publications {

    private final PortailService portail;
    private final List<InformationsLocales> informations;
    private final List<AnnuaireService> annuaire;
    private final Theme theme;
    private final String base;
    private final Gabarits gabarits = new Gabarits(Pages.class, Pages.GABARITS);

    public Publications(PortailService portail, List<InformationsLocales> informations,
                        List<AnnuaireService> annuaire, Theme theme, String base) {
        this.portail = portail;
        this.informations = informations;
        this.annuaire = annuaire;
        this.theme = theme;
        this.base = base;
    }

    private Map<String, Object> modele(String titre, String jeton) {
        Optional<SessionPortail> s = jeton == null || jeton.isBlank() ? Optional.empty() : portail.session(jeton);
        return Pages.modele(titre, s, theme, base);
    }

    @GET
    @Path("informations-locales")
    @Produces(Pages.HTML)
    public Response page(@CookieParam(Pages.COOKIE_SESSION) String jeton, @QueryParam("commune") String commune) {
        Map<String, Object> m = modele("Le logement social dans votre commune", jeton);
        m.put("commune", commune == null ? "" : commune.strip());
        m.put("valeurs", Map.of("commune", List.of(commune == null ? "" : commune.strip())));
        int statut = 200;
        if (informations.isEmpty()) {
            m.put("alerte", "Les informations locales ne sont pas publiées sur ce portail (fonctionnalité"
                    + " registre-statistiques absente).");
            statut = 503;
        } else if (commune != null && !commune.isBlank()) {
            try {
                InformationCommune c = informations.get(0).commune(commune);
                m.put("commune", c.commune());
                m.put("infos", vue(c));
                m.put("guichets", guichets(c.commune()));
            } catch (DemandeInvalideException e) {
                m.put("erreurs", Map.of("commune", e.getErreurs().get(0).message()));
                statut = 400;
            }
        }
        return Response.status(statut).type(Pages.HTML).entity(gabarits.rendre("informations-locales", m)).build();
    }

    private List<Map<String, String>> guichets(String commune) {
        List<Map<String, String>> l = new ArrayList<>();
        if (!annuaire.isEmpty()) {
            for (Guichet g : annuaire.get(0).guichets(commune)) {
                Map<String, String> x = new LinkedHashMap<>();
                x.put("nom", g.nom() == null ? g.organisation() : g.nom());
                x.put("code", g.guichet());
                x.put("adresse", g.adresse() == null ? "" : g.adresse());
                x.put("horaires", g.horaires() == null ? "" : g.horaires());
                l.add(x);
            }
        }
        return l;
    }

    @GET
    @Path("guichets")
    @Produces(Pages.HTML)
    public Response guichets(@CookieParam(Pages.COOKIE_SESSION) String jeton, @QueryParam("commune") String commune) {
        Map<String, Object> m = modele("Où déposer ou suivre sa demande", jeton);
        String c = commune == null ? "" : commune.strip();
        m.put("commune", c);
        m.put("valeurs", Map.of("commune", List.of(c)));
        int statut = 200;
        if (annuaire.isEmpty()) {
            m.put("alerte", "L'annuaire des guichets n'est pas publié sur ce portail (fonctionnalité registre-acces"
                    + " absente).");
            statut = 503;
        } else if (!c.isEmpty()) {
            if (!c.matches("^([0-9]{5}|2[AB][0-9]{3})$")) {
                m.put("erreurs", Map.of("commune", "code INSEE de 5 caractères (ex. 44109, 2A004)"));
                statut = 400;
            } else {
                m.put("guichets", guichets(c));
            }
        }
        return Response.status(statut).type(Pages.HTML).entity(gabarits.rendre("guichets", m)).build();
    }

    @GET
    @Path("informations-locales.csv")
    @Produces("text/csv")
    public Response csv() {
        if (informations.isEmpty()) {
            return Response.status(503).type("text/plain;charset=UTF-8").entity("Informations locales non publiées"
                    + " (registre-statistiques absente).").build();
        }
        StringBuilder b = new StringBuilder("code_commune;libelle_commune;logements_sociaux;annee_logements");
        for (Typologie t : Typologie.values()) {
            b.append(";demandes_").append(t.name());
        }
        b.append(";demandes_total");
        for (Typologie t : Typologie.values()) {
            b.append(";attributions_2ans_").append(t.name());
        }
        b.append(";attributions_2ans_total;delai_moyen_mois;valeurs_masquees\r\n");
        for (InformationCommune c : informations.get(0).communes()) {
            b.append(c.commune()).append(';').append(texte(c.libelle())).append(';')
                    .append(nombre(c.logementsSociaux())).append(';').append(nombre(c.anneeLogements()));
            for (Typologie t : Typologie.values()) {
                b.append(';').append(nombre(c.demandes().get(t)));
            }
            b.append(';').append(nombre(c.demandesTotal()));
            for (Typologie t : Typologie.values()) {
                b.append(';').append(nombre(c.attributions().get(t)));
            }
            b.append(';').append(nombre(c.attributionsTotal())).append(';')
                    .append(c.delaiMoyenMois() == null ? "" : c.delaiMoyenMois().toPlainString()).append(';')
                    .append(String.join(" ", c.masques())).append("\r\n");
        }
        return Response.ok(b.toString(), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"informations-locales.csv\"")
                .header("Cache-Control", "public, max-age=3600").build();
    }

    private static String nombre(Object v) {
        return v == null ? "" : v.toString();
    }

    /** A CSV field: quoted when it holds the separator, a quote or a line break. */
    private static String texte(String v) {
        if (v == null) {
            return "";
        }
        return v.matches(".*[;\"\\r\\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static Map<String, Object> vue(InformationCommune c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.commune());
        m.put("libelle", c.libelle() == null ? "" : c.libelle());
        m.put("logements", c.logementsSociaux() == null ? "non renseigné"
                : String.format(Locale.FRANCE, "%,d", c.logementsSociaux()).replace('\u202f', '\u00a0')
                        + " (" + c.anneeLogements() + ")");
        List<Map<String, String>> lignes = new ArrayList<>();
        for (Typologie t : Typologie.values()) {
            lignes.add(Map.of("typologie", Libelles.de(t), "demandes", cellule(c.demandes().get(t)),
                    "attributions", cellule(c.attributions().get(t))));
        }
        m.put("lignes", lignes);
        m.put("demandesTotal", cellule(c.demandesTotal()));
        m.put("attributionsTotal", cellule(c.attributionsTotal()));
        m.put("delai", c.delaiMoyenMois() != null ? c.delaiMoyenMois().toPlainString().replace('.', ',') + " mois"
                : c.masques().contains("delaiMoyenMois") ? "secret statistique" : "aucune attribution");
        m.put("masques", !c.masques().isEmpty());
        return m;
    }

    private static String cellule(Integer v) {
        return v == null ? "secret" : String.format(Locale.FRANCE, "%,d", v).replace('\u202f', '\u00a0');
    }
}
