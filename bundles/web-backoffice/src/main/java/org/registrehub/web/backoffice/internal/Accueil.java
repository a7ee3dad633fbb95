package org.registrehub.web.backoffice.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.Tri;
import org.registrehub.api.attribution.CommissionService;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Royaume;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.acces.SessionsWeb;
import org.registrehub.web.commun.Http;
import org.registrehub.web.commun.Nombres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out, and each role's home page with its activity counters (each a link to the search that gives
 * it): what the agent's guichet registered today and this month, the demands of its territories to renew soon, the
 * dwellings and commissions of a landlord, the dead letters and imports of a gestionnaire.
 */
@Path("/")
@Produces(Vues.HTML)
public class Accueil {

    static final String COOKIE_PRE = "backoffice_pre";
    private static final Logger LOG = LoggerFactory.getLogger(Accueil.class);

    private final RegistreService registre;
    private final SessionsWeb sessions;
    private final Garde garde;
    private final Vues vues;
    private final int horizonJours;

    @Context
    private HttpServletRequest requete;

    private final List<org.registrehub.api.erp.SupervisionErp> supervision;
    private final List<org.registrehub.api.ImportExtraits> imports;
    private final List<LogementsService> logements;
    private final List<CommissionService> commissions;
    private final List<StatistiquesService> statistiques;

    public Accueil(RegistreService registre, SessionsWeb sessions, Garde garde, Vues vues, int horizonJours,
                   List<org.registrehub.api.erp.SupervisionErp> supervision,
                   List<org.registrehub.api.ImportExtraits> imports, List<LogementsService> logements,
                   List<CommissionService> commissions, List<StatistiquesService> statistiques) {
        this.statistiques = statistiques;
        this.logements = logements;
        this.commissions = commissions;
        this.supervision = supervision;
        this.imports = imports;
        this.registre = registre;
        this.sessions = sessions;
        this.garde = garde;
        this.vues = vues;
        this.horizonJours = Math.max(1, horizonJours);
    }

    @GET
    public Response accueil(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("info") String info) {
        Optional<SessionWeb> s = garde.session(jeton);
        if (s.isEmpty()) {
            return garde.versConnexion("/");
        }
        Contexte c = new Contexte(s.get().identite(), Canal.WEB);
        DroitsRegistre droits = registre.droits(c);
        Map<String, Object> m = vues.modele("Accueil", "accueil", s.get(), droits);
        m.put("compteurs", compteurs(s.get().identite(), droits, c));
        m.put("droits", droits);
        if ("connecte".equals(info)) {
            m.put("info", "Bonjour " + s.get().identite().identifiant() + ", vous êtes connecté.");
        }
        return vues.page("accueil", m);
    }

    /** The counters of the agent's home page; each says how it is counted and links to its search. */
    private List<Map<String, String>> compteurs(Identite i, DroitsRegistre droits, Contexte c) {
        List<Map<String, String>> l = new ArrayList<>();
        LocalDate aujourdhui = LocalDate.now(Vues.PARIS);
        String guichet = i.organisation().guichet();
        try {
            if (droits.lire()) {
                registre(i, guichet, aujourdhui, c, l);
            } else if (!statistiques.isEmpty()) {
                infocentre(aujourdhui, c, l);
            }
            attribution(i, c, l);
            gestion(i, droits, c, l);
        } catch (RegistreException e) {
            LOG.warn("Compteurs de l'accueil indisponibles pour {} : {}", i.identifiant(), e.getMessage());
            l.add(Map.of("libelle", "Compteurs indisponibles", "valeur", "—", "lien", "",
                    "detail", e.getMessage()));
        }
        return l;
    }

    /** The register's counters: the agent's guichet's registrations, the renewals due and the month's filings. */
    private void registre(Identite i, String guichet, LocalDate aujourdhui, Contexte c, List<Map<String, String>> l) {
        if (guichet != null) {
            l.add(compteur("Enregistrées aujourd'hui par votre guichet (" + guichet + ")",
                    new CriteresRecherche(null, null, null, null, null, null, null, null, aujourdhui, aujourdhui,
                            null, null, guichet), c));
            l.add(compteur("Enregistrées ce mois-ci par votre guichet",
                    new CriteresRecherche(null, null, null, null, null, null, null, null,
                            aujourdhui.withDayOfMonth(1), aujourdhui, null, null, guichet), c));
        }
        // by end of validity, the order of the index of this search (by filing date, the first row of a page cost a
        // sort of every demand due: 1.3 s at 2.6 M demands)
        l.add(compteur("Actives à renouveler dans les " + horizonJours + " jours sur vos territoires",
                new CriteresRecherche(null, null, null, null, null, null, Statut.ACTIVE, null, null, null,
                        aujourdhui, aujourdhui.plusDays(horizonJours), null), new Tri(Tri.Champ.DATE_VALIDITE, true),
                c));
        l.add(compteur("Déposées ce mois-ci sur vos territoires",
                new CriteresRecherche(null, null, null, null, null, null, null, null,
                        aujourdhui.withDayOfMonth(1), aujourdhui, null, null, null), c));
    }

    /**
     * Who reads no demand (an observateur, an administrator) sees the Infocentre's figures of its perimeter: the
     * demands pending today, those filed this month (aggregated, never nominative).
     */
    private void infocentre(LocalDate aujourdhui, Contexte c, List<Map<String, String>> l) {
        org.registrehub.api.statistiques.TableauFlux mois = statistiques.get(0).flux(aujourdhui.withDayOfMonth(1),
                aujourdhui, org.registrehub.api.statistiques.Granularite.DEPARTEMENT, c);
        long stock = 0;
        long nouvelles = 0;
        for (org.registrehub.api.statistiques.LigneFlux x : mois.lignes()) {
            if (!"TOTAL".equals(x.code())) {
                stock += x.stockFin();
                nouvelles += x.nouvelles() + x.reprises();
            }
        }
        l.add(Map.of("libelle", "Demandes en attente sur votre périmètre statistique", "valeur", Nombres.entier(stock),
                "lien", "/statistiques/carte", "detail", ""));
        l.add(Map.of("libelle", "Demandes nouvelles ce mois-ci (dont reprises d'un fichier départemental)", "valeur",
                Nombres.entier(nouvelles), "lien", "/statistiques?tableau=flux&debut=" + aujourdhui.withDayOfMonth(1)
                        + "&fin=" + aujourdhui, "detail", ""));
    }

    /**
     * A landlord's or réservataire's counters (a gestionnaire's too, on its territories): the dwellings offered
     * waiting for candidates, those whose candidates wait for a commission, the sessions planned.
     */
    private void attribution(Identite i, Contexte c, List<Map<String, String>> l) {
        if (logements.isEmpty()) {
            return;
        }
        org.registrehub.api.attribution.DroitsAttribution d = vues.droitsAttribution(i);
        if (d.consulter()) {
            for (StatutOffre statut : List.of(StatutOffre.OFFERT, StatutOffre.CANDIDATS_PROPOSES)) {
                int n = logements.get(0).logements(statut, null, c).size();
                l.add(Map.of("libelle", statut == StatutOffre.OFFERT ? "Logements offerts sans candidat désigné"
                        : "Logements dont les candidats attendent la commission", "valeur", Nombres.entier(n), "lien",
                        "/logements?statut=" + statut.name(), "detail", ""));
            }
        }
        if (d.commissions() && !commissions.isEmpty()) {
            long n = commissions.get(0).commissions(c).stream().filter(x -> x.statut()
                    == org.registrehub.api.attribution.StatutCommission.PREVUE).count();
            l.add(Map.of("libelle", "Commissions d'attribution prévues", "valeur", Nombres.entier(n), "lien",
                    "/commissions", "detail", ""));
        }
    }

    /** A gestionnaire's counters: the dead letters waiting in its territories, the imports running. */
    private void gestion(Identite i, DroitsRegistre droits, Contexte c, List<Map<String, String>> l) {
        if (!supervision.isEmpty() && org.registrehub.api.erp.SupervisionErp.autorise(i)) {
            int n = supervision.get(0).lettresMortes(1000, c).size();
            l.add(Map.of("libelle", "Lettres mortes des ERP en attente", "valeur", n >= 1000 ? "plus de 1 000"
                    : Nombres.entier(n), "lien", "/erp#lettres-mortes", "detail", ""));
        }
        if (!imports.isEmpty() && droits.importer()) {
            long n = imports.get(0).travaux(50).stream()
                    .filter(t -> org.registrehub.api.TravailImport.EN_COURS.equals(t.etat())).count();
            l.add(Map.of("libelle", "Imports départementaux en cours", "valeur", Nombres.entier(n), "lien", "/imports",
                    "detail", ""));
        }
    }

    private Map<String, String> compteur(String libelle, CriteresRecherche criteres, Contexte c) {
        return compteur(libelle, criteres, Tri.PAR_DEFAUT, c);
    }

    /** A counted search (its first row in this order: the one its index gives at once) and the link to it. */
    private Map<String, String> compteur(String libelle, CriteresRecherche criteres, Tri tri, Contexte c) {
        PageDemandes p = registre.rechercher(criteres, tri, 0, 1, c);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("libelle", libelle);
        m.put("valeur", p.totalExact() ? Nombres.entier(p.total()) : "plus de " + Nombres.entier(p.total()));
        m.put("lien", "/demandes?" + Recherche.requete(criteres) + (tri.equals(Tri.PAR_DEFAUT) ? "" : "&tri="
                + tri.champ().name() + "&ordre=" + (tri.croissant() ? "asc" : "desc")));
        m.put("detail", "");
        return m;
    }

    // ------------------------------------------------------------------ signing in and out

    @GET
    @Path("connexion")
    public Response connexion(@CookieParam(COOKIE_PRE) String pre, @QueryParam("retour") String retour,
                              @QueryParam("deconnecte") String deconnecte) {
        Map<String, Object> m = vues.modele("Se connecter", "", null, null);
        m.put("retour", Garde.retour(retour));
        if (deconnecte != null) {
            m.put("info", "Vous êtes déconnecté.");
        }
        return anonyme(m, pre, 200);
    }

    @POST
    @Path("connexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connecter(@CookieParam(COOKIE_PRE) String pre, @FormParam("csrf") String csrf,
                              @FormParam("identifiant") String identifiant,
                              @FormParam("motDePasse") String motDePasse, @FormParam("retour") String retour) {
        Map<String, Object> m = vues.modele("Se connecter", "", null, null);
        m.put("retour", Garde.retour(retour));
        m.put("valeurs", Map.of("identifiant", List.of(identifiant == null ? "" : identifiant.strip())));
        if (pre == null || pre.length() != 43 || !Http.memeJeton(pre, csrf)) {
            m.put("alerte", "Ce formulaire a expiré : rechargez la page et recommencez.");
            return anonyme(m, pre, 403);
        }
        if (identifiant == null || identifiant.isBlank() || motDePasse == null || motDePasse.isEmpty()) {
            Map<String, String> e = new LinkedHashMap<>();
            if (identifiant == null || identifiant.isBlank()) {
                e.put("identifiant", "saisissez votre identifiant");
            }
            if (motDePasse == null || motDePasse.isEmpty()) {
                e.put("motDePasse", "saisissez votre mot de passe");
            }
            m.put("erreurs", e);
            return anonyme(m, pre, 400);
        }
        String adresse = Garde.adresse(requete);
        Identite identite;
        try {
            identite = Royaume.connecter(identifiant.strip(), motDePasse.toCharArray(), Canal.WEB, adresse);
        } catch (AccountLockedException e) {
            m.put("alerte", "Trop d'échecs de connexion : " + (e.getCause() != null ? e.getCause().getMessage()
                    : "réessayez dans quelques minutes."));
            return anonyme(m, pre, 429);
        } catch (LoginException e) {
            if (e.getCause() instanceof RegistreIndisponibleException indisponible) {
                m.put("alerte", indisponible.getMessage());
                return anonyme(m, pre, 503);
            }
            LOG.info("Connexion au back-office refusée pour {} ({})", identifiant.strip(), adresse);
            m.put("alerte", "Identifiant ou mot de passe incorrect, ou compte désactivé.");
            return anonyme(m, pre, 401);
        }
        SessionWeb s = sessions.ouvrir(identite, adresse);
        String r = Garde.retour(retour);
        return vues.vers(r.equals("/") ? "/?info=connecte" : r)
                .header("Set-Cookie", Http.cookie(requete, vues.base(), Garde.COOKIE_SESSION, s.jeton(), -1)).build();
    }

    @POST
    @Path("deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deconnecter(@CookieParam(Garde.COOKIE_SESSION) String jeton, @FormParam("csrf") String csrf) {
        Optional<SessionWeb> s = garde.session(jeton);
        if (s.isPresent()) {
            if (!garde.csrf(s.get(), csrf)) {
                return garde.refusCsrf(s.get(), requete);
            }
            sessions.fermer(jeton);
        }
        return vues.vers("/connexion?deconnecte=1").header("Set-Cookie", Http.cookie(requete, vues.base(),
                Garde.COOKIE_SESSION, "", 0)).build();
    }

    /** The sign-in page: its form carries the double-submit token of the pre-session cookie. */
    private Response anonyme(Map<String, Object> m, String pre, int statut) {
        String jeton = pre != null && pre.matches("^[A-Za-z0-9_-]{43}$") ? pre : Http.nouveauJeton();
        m.put("csrf", jeton);
        Response r = vues.page("connexion", m, statut);
        if (!jeton.equals(pre)) {
            return Response.fromResponse(r).header("Set-Cookie", Http.cookie(requete, vues.base(), COOKIE_PRE, jeton,
                    -1)).build();
        }
        return r;
    }
}
