package org.registrehub.web.backoffice.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Libelles;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.AuditService;
import org.registrehub.api.acces.Epci;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.Utilisateur;

/**
 * The accounts a gestionnaire manages (an administrator, all): the organisations of its territories with their
 * guichet code and territories, their users and roles; creating an organisation or a user (its first password shown
 * once, never kept in clear), disabling and reactivating a user. Every rule and every audit line is the access
 * service's.
 */
@Path("/comptes")
@Produces(Vues.HTML)
public class ComptesPages {

    private static final String CODE = "^[A-Za-z0-9_-]{1,40}$";
    private final List<AccesService> acces;
    private final Garde garde;
    private final Vues vues;

    @Context
    private HttpServletRequest requete;

    public ComptesPages(List<AccesService> acces, Garde garde, Vues vues) {
        this.acces = acces;
        this.garde = garde;
        this.vues = vues;
    }

    /** Why these pages are refused: no session, not a gestionnaire or an administrator, no access service; or null. */
    Response refus(Optional<Agent> a, String ici) {
        if (a.isEmpty()) {
            return garde.versConnexion(ici);
        }
        if (!AuditService.autorise(a.get().session().identite())) {
            return vues.message("Accès refusé", "Les comptes se gèrent par un gestionnaire (ses territoires) ou un"
                    + " administrateur.", a.get().session(), a.get().droits(), 403);
        }
        if (acces.isEmpty()) {
            return vues.message("Comptes indisponibles", "La gestion des accès n'est pas installée sur ce hub"
                    + " (fonctionnalité registre-acces).", a.get().session(), a.get().droits(), 503);
        }
        return null;
    }

    /** Why a form of these pages is refused (no session, no right, the feature absent, a bad CSRF token), or null. */
    Response refusFormulaire(Optional<Agent> a, MultivaluedMap<String, String> form, String retour) {
        Response r = refus(a, retour);
        return r != null ? r : garde.refusFormulaire(a, form.getFirst("csrf"), retour, requete);
    }

    @GET
    public Response organisations(@CookieParam(Garde.COOKIE_SESSION) String jeton) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/comptes");
        return r != null ? r : pageOrganisations(a.get(), Map.of(), Map.of(), 200);
    }

    private Response pageOrganisations(Agent a, Map<String, List<String>> valeurs, Map<String, Object> extra,
                                       int statut) {
        Map<String, Object> m = vues.modele("Organisations et comptes", "comptes", a.session(), a.droits());
        List<Map<String, String>> l = new ArrayList<>();
        try {
            for (Organisation o : acces.get(0).organisations(a.contexte())) {
                l.add(Map.of("code", o.code(), "type", Libelles.de(o.type()), "nom", o.nom(), "guichet",
                        o.guichet() == null ? "" : o.guichet(), "territoires", String.join(", ", o.territoires()),
                        "etat", o.active() ? "active" : "désactivée"));
            }
        } catch (RegistreException e) {
            return vues.message("Comptes indisponibles", e.getMessage(), a.session(), a.droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
        m.put("organisations", l);
        m.put("types", Arrays.stream(TypeOrganisation.values()).filter(t -> t != TypeOrganisation.HUB)
                .map(t -> Map.of("code", t.name(), "libelle", Libelles.de(t))).toList());
        m.put("valeurs", valeurs);
        m.putAll(extra);
        return vues.page("comptes", m, statut);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response creerOrganisation(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                                      MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refusFormulaire(a, form, "/comptes");
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = valeurs(form, "code", "type", "nom", "guichet", "territoires");
        Map<String, String> erreurs = new LinkedHashMap<>();
        String code = premiere(v, "code");
        if (code == null || !code.matches(CODE)) {
            erreurs.put("code", "code attendu : lettres, chiffres, tirets (40 caractères au plus)");
        }
        TypeOrganisation type = null;
        try {
            type = TypeOrganisation.valueOf(premiere(v, "type"));
        } catch (IllegalArgumentException | NullPointerException e) {
            erreurs.put("type", "choisissez le type d'organisation");
        }
        if (premiere(v, "nom") == null) {
            erreurs.put("nom", "nom de l'organisation obligatoire");
        }
        if (!erreurs.isEmpty()) {
            return pageOrganisations(a.get(), v, Map.of("erreurs", erreurs), 400);
        }
        Set<String> territoires = new TreeSet<>();
        String t = premiere(v, "territoires");
        if (t != null) {
            for (String x : t.split("[,;\\s]+")) {
                if (!x.isBlank()) {
                    territoires.add(x.strip());
                }
            }
        }
        try {
            Organisation o = acces.get(0).creerOrganisation(new Organisation(code, type, premiere(v, "nom"),
                    premiere(v, "guichet"), true, territoires), a.get().contexte());
            return vues.vers("/comptes/" + o.code() + "?info=organisation").build();
        } catch (DemandeInvalideException e) {
            return pageOrganisations(a.get(), v, Map.of("erreurs", DemandesPages.erreurs(e.getErreurs())), 400);
        } catch (RegistreException e) {
            return pageOrganisations(a.get(), v, Map.of("alerte", e.getMessage()),
                    org.registrehub.web.commun.Http.statut(e));
        }
    }

    @GET
    @Path("{organisation: [A-Za-z0-9_-]{1,40}}")
    public Response organisation(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                                 @PathParam("organisation") String organisation, @QueryParam("info") String info) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/comptes/" + organisation);
        if (r != null) {
            return r;
        }
        Map<String, Object> extra = new HashMap<>();
        if ("organisation".equals(info)) {
            extra.put("info", "L'organisation est créée.");
        } else if ("desactive".equals(info)) {
            extra.put("info", "Le compte est désactivé : ses sessions se ferment à leur requête suivante.");
        } else if ("reactive".equals(info)) {
            extra.put("info", "Le compte est réactivé.");
        } else if ("territoire-accorde".equals(info)) {
            extra.put("info", "Le territoire est accordé : les comptes de l'organisation le couvrent dès leur requête"
                    + " suivante.");
        } else if ("territoire-retire".equals(info)) {
            extra.put("info", "Le territoire est retiré : les comptes de l'organisation ne le couvrent plus dès leur"
                    + " requête suivante.");
        } else if ("coordonnees".equals(info)) {
            extra.put("info", "Les coordonnées du guichet sont enregistrées : l'annuaire public les montre.");
        }
        return pageOrganisation(a.get(), organisation, Map.of(), extra, 200);
    }

    /** An organisation's page: its territories, its guichet's coordinates, its accounts, the forms to change them. */
    Response pageOrganisation(Agent a, String code, Map<String, List<String>> valeurs, Map<String, Object> extra,
                              int statut) {
        try {
            Optional<Organisation> o = acces.get(0).organisations(a.contexte()).stream()
                    .filter(x -> x.code().equals(code)).findFirst();
            if (o.isEmpty()) {
                return vues.message("Organisation introuvable", "Aucune organisation " + code + " dans votre"
                        + " périmètre.", a.session(), a.droits(), 404);
            }
            Map<String, Object> m = vues.modele("Organisation " + code, "comptes", a.session(), a.droits());
            m.put("o", Map.of("code", o.get().code(), "type", Libelles.de(o.get().type()), "nom", o.get().nom(),
                    "guichet", o.get().guichet() == null ? "" : o.get().guichet(), "territoires",
                    String.join(", ", o.get().territoires())));
            List<Map<String, Object>> u = new ArrayList<>();
            for (Utilisateur x : acces.get(0).utilisateurs(code, a.contexte())) {
                Map<String, Object> y = new HashMap<>();
                y.put("identifiant", x.identifiant());
                y.put("nom", x.nom() == null ? "" : x.nom());
                y.put("roles", x.roles().stream().map(Libelles::de).toList());
                y.put("actif", x.actif());
                y.put("depuis", Vues.dateHeure(x.actif() ? x.creeLe() : x.desactiveLe()));
                u.add(y);
            }
            m.put("utilisateurs", u);
            // its territories in words (an EPCI by its name), those that may be granted, its directory entry
            AccesService service = acces.get(0);
            Map<String, String> noms = new HashMap<>();
            List<Map<String, String>> epcis = new ArrayList<>();
            for (Epci e : service.epcis(a.contexte())) {
                noms.put(e.code(), e.nom());
                epcis.add(Map.of("code", e.code(), "libelle", e.nom() + " (" + e.code() + ", " + e.communes().size()
                        + " communes)"));
            }
            m.put("territoires", o.get().territoires().stream().map(t -> Map.of("code", t, "libelle",
                    noms.containsKey(t) ? "EPCI " + noms.get(t) + " (" + t + ")" : t.length() == 9 ? "EPCI " + t
                            : "département " + t)).toList());
            m.put("epcis", epcis);
            Map<String, List<String>> v = new HashMap<>(valeurs);
            Optional<org.registrehub.api.acces.Guichet> g = service.guichet(code, a.contexte());
            m.put("annuaire", g.isPresent());
            if (g.isPresent() && !v.containsKey("adresse") && !v.containsKey("horaires")) {
                // the form shows what the directory shows now
                if (g.get().adresse() != null) {
                    v.put("adresse", List.of(g.get().adresse()));
                }
                if (g.get().horaires() != null) {
                    v.put("horaires", List.of(g.get().horaires()));
                }
            }
            valeurs = v;
            m.put("libellesErreurs", Map.of("territoire", "Territoire", "adresse", "Adresse d'accueil", "horaires",
                    "Horaires d'ouverture", "identifiant", "Identifiant", "roles", "Rôles", "nom", "Nom et prénom"));
            m.put("roles", Arrays.stream(Role.values()).map(x -> Map.of("code", x.name(), "libelle", Libelles.de(x)))
                    .toList());
            m.put("valeurs", valeurs);
            m.putAll(extra);
            return vues.page("organisation", m, statut);
        } catch (RegistreException e) {
            return vues.message("Comptes indisponibles", e.getMessage(), a.session(), a.droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
    }

    @POST
    @Path("{organisation: [A-Za-z0-9_-]{1,40}}/utilisateurs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response creerUtilisateur(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                                     @PathParam("organisation") String organisation,
                                     MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refusFormulaire(a, form, "/comptes/" + organisation);
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = valeurs(form, "identifiant", "nom", "roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String x : form.getOrDefault("roles", List.of())) {
            Role.parse(x).ifPresent(roles::add);
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (premiere(v, "identifiant") == null) {
            erreurs.put("identifiant", "identifiant obligatoire");
        }
        if (roles.isEmpty()) {
            erreurs.put("roles", "choisissez au moins un rôle");
        }
        if (!erreurs.isEmpty()) {
            return pageOrganisation(a.get(), organisation, v, Map.of("erreurs", erreurs), 400);
        }
        try {
            AccesService.CompteCree c = acces.get(0).creerUtilisateur(premiere(v, "identifiant"), premiere(v, "nom"),
                    organisation, roles, null, a.get().contexte());
            Map<String, Object> m = vues.modele("Compte créé", "comptes", a.get().session(), a.get().droits());
            m.put("identifiant", c.utilisateur().identifiant());
            m.put("organisation", organisation);
            m.put("motDePasse", c.motDePasse());
            return vues.page("compte-cree", m, 200);
        } catch (DemandeInvalideException e) {
            return pageOrganisation(a.get(), organisation, v, Map.of("erreurs", DemandesPages.erreurs(
                    e.getErreurs())), 400);
        } catch (RegistreException e) {
            return pageOrganisation(a.get(), organisation, v, Map.of("alerte", e.getMessage()),
                    org.registrehub.web.commun.Http.statut(e));
        }
    }

    @POST
    @Path("utilisateurs/{identifiant: [a-z0-9._@-]{2,100}}/{action: desactiver|reactiver}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activer(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                            @PathParam("identifiant") String identifiant, @PathParam("action") String action,
                            MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refusFormulaire(a, form, "/comptes");
        if (r != null) {
            return r;
        }
        try {
            Utilisateur u = "desactiver".equals(action) ? acces.get(0).desactiverUtilisateur(identifiant,
                    a.get().contexte()) : acces.get(0).reactiverUtilisateur(identifiant, a.get().contexte());
            return vues.vers("/comptes/" + u.organisation() + "?info=" + ("desactiver".equals(action) ? "desactive"
                    : "reactive")).build();
        } catch (RegistreException e) {
            return vues.message("Opération impossible", e.getMessage(), a.get().session(), a.get().droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
    }

    private static Map<String, List<String>> valeurs(MultivaluedMap<String, String> form, String... champs) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (String c : champs) {
            List<String> l = form.get(c);
            if (l != null) {
                List<String> propres = l.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
                if (!propres.isEmpty()) {
                    v.put(c, propres);
                }
            }
        }
        return v;
    }

    private static String premiere(Map<String, List<String>> v, String champ) {
        List<String> l = v.get(champ);
        return l == null || l.isEmpty() ? null : l.get(0);
    }
}
