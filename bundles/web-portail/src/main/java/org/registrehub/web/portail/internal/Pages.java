package org.registrehub.web.portail.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.FonctionnaliteAbsenteException;
import org.registrehub.api.Libelles;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.portail.ConnexionRefuseeException;
import org.registrehub.api.portail.DemandeDejaActiveException;
import org.registrehub.api.portail.LienInvalideException;
import org.registrehub.api.portail.PortailService;
import org.registrehub.api.portail.SessionPortail;
import org.registrehub.api.portail.TropDeTentativesException;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.web.commun.FormulaireDemande;
import org.registrehub.web.commun.Gabarits;
import org.registrehub.web.commun.Http;
import org.registrehub.web.commun.Listes;
import org.registrehub.web.commun.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's pages, server-rendered HTML whose forms work without JavaScript. A signed-in applicant carries the
 * session cookie ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS); every form that changes
 * something carries a CSRF token: the session's, or before sign-in a double-submit cookie's. Every rule is the
 * portal's service's and, beneath it, the register's.
 */
@Path("/")
@Produces(Pages.HTML)
public class Pages {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final String GABARITS = "org/registrehub/web/portail/gabarits";
    static final String COOKIE_SESSION = "portail_session";
    static final String COOKIE_PRE = "portail_pre";
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
            Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final PortailService portail;
    private final List<org.registrehub.api.renouvellement.RenouvellementEnLigne> renouvellement;
    private final JsonCodec json;
    private final Theme theme;
    private final String base;
    private final Gabarits gabarits = new Gabarits(Pages.class, GABARITS);

    @Context
    private HttpServletRequest requete;

    public Pages(PortailService portail, List<org.registrehub.api.renouvellement.RenouvellementEnLigne> renouvellement,
                 JsonCodec json, Theme theme, String base) {
        this.portail = portail;
        this.renouvellement = renouvellement;
        this.json = json;
        this.theme = theme;
        this.base = base;
    }

    // ------------------------------------------------------------------ public pages

    @GET
    public Response accueil(@CookieParam(COOKIE_SESSION) String jeton, @QueryParam("deconnecte") String deconnecte) {
        Map<String, Object> m = modele("Accueil", session(jeton));
        if (deconnecte != null) {
            m.put("info", "Vous êtes déconnecté.");
        }
        return page("accueil", m);
    }

    @GET
    @Path("inscription")
    public Response inscription(@CookieParam(COOKIE_PRE) String pre) {
        return anonyme("inscription", "Créer un compte", pre, Map.of(), 200);
    }

    @POST
    @Path("inscription")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response inscrire(@CookieParam(COOKIE_PRE) String pre, MultivaluedMap<String, String> form) {
        if (!csrfAnonyme(pre, form)) {
            return refusCsrf();
        }
        String email = form.getFirst("email");
        String mdp = form.getFirst("motDePasse");
        Map<String, Object> valeurs = saisie("email", email);
        if (mdp == null || !mdp.equals(form.getFirst("motDePasseConfirmation"))) {
            return anonyme("inscription", "Créer un compte", pre, avecErreurs(valeurs, List.of(new ErreurChamp(
                    "motDePasseConfirmation", "egalite", null, "les deux mots de passe sont différents"))), 400);
        }
        try {
            portail.inscrire(email, mdp.toCharArray(), adresse());
        } catch (DemandeInvalideException e) {
            return anonyme("inscription", "Créer un compte", pre, avecErreurs(valeurs, e.getErreurs()), 400);
        } catch (RegistreException e) {
            return anonyme("inscription", "Créer un compte", pre, avecAlerte(valeurs, e), statut(e));
        }
        Map<String, Object> m = modele("Vérifiez votre messagerie", Optional.empty());
        m.put("email", email.strip());
        return page("inscription-envoyee", m);
    }

    @GET
    @Path("confirmer")
    public Response confirmation(@CookieParam(COOKIE_PRE) String pre, @QueryParam("jeton") String jeton) {
        // the link only shows a button: a mail client that opens links in advance does not use it up
        return anonyme("confirmer", "Confirmer votre adresse", pre, Map.of("jeton", jeton == null ? "" : jeton),
                200);
    }

    @POST
    @Path("confirmer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmer(@CookieParam(COOKIE_PRE) String pre, MultivaluedMap<String, String> form) {
        if (!csrfAnonyme(pre, form)) {
            return refusCsrf();
        }
        try {
            SessionPortail s = portail.confirmer(form.getFirst("jeton"), adresse());
            return ouvrir(s, "/mes-demandes?bienvenue=1");
        } catch (RegistreException e) {
            return anonyme("confirmer", "Confirmer votre adresse", pre, avecAlerte(Map.of("jeton", ""), e),
                    statut(e));
        }
    }

    @GET
    @Path("connexion")
    public Response connexion(@CookieParam(COOKIE_PRE) String pre) {
        return anonyme("connexion", "Se connecter", pre, Map.of(), 200);
    }

    @POST
    @Path("connexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connecter(@CookieParam(COOKIE_PRE) String pre, MultivaluedMap<String, String> form) {
        if (!csrfAnonyme(pre, form)) {
            return refusCsrf();
        }
        String email = form.getFirst("email");
        String mdp = form.getFirst("motDePasse");
        try {
            return ouvrir(portail.connecter(email, mdp == null ? new char[0] : mdp.toCharArray(), adresse()),
                    "/mes-demandes");
        } catch (RegistreException e) {
            return anonyme("connexion", "Se connecter", pre, avecAlerte(saisie("email", email), e), statut(e));
        }
    }

    @GET
    @Path("connexion-code")
    public Response connexionCode(@CookieParam(COOKIE_PRE) String pre) {
        return anonyme("connexion-code", "Se connecter avec le numéro de sa demande", pre, Map.of(), 200);
    }

    @POST
    @Path("connexion-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connecterCode(@CookieParam(COOKIE_PRE) String pre, MultivaluedMap<String, String> form) {
        if (!csrfAnonyme(pre, form)) {
            return refusCsrf();
        }
        String numero = form.getFirst("numeroUnique") == null ? "" : form.getFirst("numeroUnique").strip();
        Map<String, Object> v = saisie("numeroUnique", numero);
        v.put("numeroUnique", numero);
        try {
            if ("valider".equals(form.getFirst("action"))) {
                return ouvrir(portail.connecterParCode(numero, form.getFirst("code"), adresse()), "/mes-demandes");
            }
            portail.envoyerCode(numero, adresse());
            v.put("codeEnvoye", true);
            v.put("info", "Si ce numéro est celui d'une demande active qui porte une adresse électronique, un code"
                    + " vient d'y être envoyé. Saisissez-le ci-dessous.");
            return anonyme("connexion-code", "Se connecter avec le numéro de sa demande", pre, v, 200);
        } catch (DemandeInvalideException e) {
            return anonyme("connexion-code", "Se connecter avec le numéro de sa demande", pre,
                    avecErreurs(v, e.getErreurs()), 400);
        } catch (RegistreException e) {
            v.put("codeEnvoye", "valider".equals(form.getFirst("action")));
            return anonyme("connexion-code", "Se connecter avec le numéro de sa demande", pre, avecAlerte(v, e),
                    statut(e));
        }
    }

    @POST
    @Path("deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deconnecter(@CookieParam(COOKIE_SESSION) String jeton, MultivaluedMap<String, String> form) {
        Optional<SessionPortail> s = session(jeton);
        if (s.isPresent() && !s.get().csrf().equals(form.getFirst("csrf"))) {
            return refusCsrf();
        }
        portail.deconnecter(jeton);
        return vers("/?deconnecte=1").header("Set-Cookie", cookie(COOKIE_SESSION, "",
                0)).header("Cache-Control", "no-store").build();
    }

    // ------------------------------------------------------------------ the renewal link of a notice

    @GET
    @Path("renouvellement")
    public Response renouvellement(@CookieParam(COOKIE_PRE) String pre, @QueryParam("jeton") String jeton) {
        Map<String, Object> v = new HashMap<>();
        v.put("jeton", jeton == null ? "" : jeton);
        try {
            v.putAll(lien(jeton));
            return anonyme("renouvellement", "Renouveler votre demande", pre, v, 200);
        } catch (RegistreException e) {
            v.put("alerte", e.getMessage());
            return anonyme("renouvellement", "Renouveler votre demande", pre, v, statut(e));
        }
    }

    @POST
    @Path("renouvellement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renouvelerParLien(@CookieParam(COOKIE_PRE) String pre, MultivaluedMap<String, String> form) {
        if (!csrfAnonyme(pre, form)) {
            return refusCsrf();
        }
        String jeton = form.getFirst("jeton");
        Map<String, Object> v = new HashMap<>();
        v.put("jeton", "");
        try {
            Demande d = service().confirmer(jeton, org.registrehub.api.renouvellement.MiseAJourEnLigne
                    .confirmation());
            v.put("renouvelee", true);
            v.put("numero", d.numeroUnique());
            v.put("info", "Votre demande n° " + d.numeroUnique() + " est renouvelée jusqu'au "
                    + DATE.format(d.dateValidite()) + ". Son numéro et son ancienneté (dépôt du "
                    + DATE.format(d.dateDepot()) + ") sont conservés.");
            return anonyme("renouvellement", "Demande renouvelée", pre, v, 200);
        } catch (RegistreException e) {
            v.put("alerte", e.getMessage());
            return anonyme("renouvellement", "Renouveler votre demande", pre, v, statut(e));
        }
    }

    private Map<String, Object> lien(String jeton) {
        org.registrehub.api.renouvellement.DemandeEnLigne d = service().lire(jeton);
        Map<String, Object> m = new HashMap<>();
        m.put("numero", d.numeroUnique());
        m.put("demandeur", d.demandeur());
        m.put("depot", DATE.format(d.dateDepot()));
        m.put("validite", DATE.format(d.finValidite()));
        m.put("foyer", 1 + (d.coDemandeur() == null ? 0 : 1) + d.personnesACharge().size());
        return m;
    }

    private org.registrehub.api.renouvellement.RenouvellementEnLigne service() {
        if (renouvellement.isEmpty()) {
            throw new FonctionnaliteAbsenteException("Le renouvellement par le lien d'un avis",
                    "registre-campagne-renouvellement");
        }
        return renouvellement.get(0);
    }

    // ------------------------------------------------------------------ the applicant's space

    @GET
    @Path("mes-demandes")
    public Response mesDemandes(@CookieParam(COOKIE_SESSION) String jeton, @QueryParam("bienvenue") String b) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        Map<String, Object> m = modele("Mes demandes", s);
        try {
            List<Map<String, Object>> demandes = new ArrayList<>();
            for (Demande d : portail.demandes(s.get())) {
                demandes.add(resume(d));
            }
            m.put("demandes", demandes);
            m.put("brouillon", s.get().compte() != null && !portail.brouillon(s.get()).isEmpty());
            m.put("peutDeposer", s.get().compte() != null);
            if (b != null) {
                m.put("info", "Votre adresse est confirmée : bienvenue dans votre espace.");
            }
        } catch (RegistreException e) {
            return erreur(s, e);
        }
        return page("mes-demandes", m);
    }

    @GET
    @Path("nouvelle-demande")
    public Response nouvelleDemande(@CookieParam(COOKIE_SESSION) String jeton, @QueryParam("etape") Integer etape) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        if (s.get().compte() == null) {
            return erreur(s, new RegistreException("DEPOT_IMPOSSIBLE", "Vous êtes connecté avec le numéro d'une"
                    + " demande déjà enregistrée : une personne n'a qu'une demande active. Modifiez-la plutôt."));
        }
        Map<String, List<String>> v = portail.brouillon(s.get());
        int n = etape != null ? etape : v.containsKey("etape") ? entier(v.get("etape").get(0), 1) : 1;
        return etape(s.get(), FormulaireDemande.etape(n), FormulaireDemande.champs(v), Map.of(), null, 200);
    }

    @POST
    @Path("nouvelle-demande")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response avancer(@CookieParam(COOKIE_SESSION) String jeton, MultivaluedMap<String, String> form) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = gardeFormulaire(s, form.getFirst("csrf"));
        if (refus != null) {
            return refus;
        }
        FormulaireDemande.Etape e = FormulaireDemande.etape(entier(form.getFirst("etape"), 1));
        String action = form.getFirst("action") == null ? "suivant" : form.getFirst("action");
        Map<String, List<String>> v = FormulaireDemande.fusionner(FormulaireDemande.champs(portail.brouillon(s.get())),
                e, FormulaireDemande.champs(form));
        try {
            Map<String, List<String>> garde = new LinkedHashMap<>(v);
            int suivante = switch (action) {
                case "precedent" -> e.numero() - 1;
                case "suivant" -> e.numero() + 1;
                default -> e.numero();
            };
            garde.put("etape", List.of(String.valueOf(Math.max(1, suivante))));
            portail.enregistrerBrouillon(s.get(), garde);
            if (action.startsWith("ajouter-")) {
                Map<String, Object> extra = Map.of("ajout", action.substring("ajouter-".length()));
                return etape(s.get(), e, v, Map.of(), extra, 200);
            }
            if ("precedent".equals(action)) {
                return vers("/nouvelle-demande?etape=" + (e.numero() - 1)).build();
            }
            if ("enregistrer".equals(action)) {
                return etape(s.get(), e, v, Map.of(), Map.of("info", "Brouillon enregistré : vous pourrez reprendre"
                        + " votre demande plus tard, depuis votre espace."), 200);
            }
            if ("envoyer".equals(action)) {
                Demande d = portail.deposer(s.get(), FormulaireDemande.dossier(v, json));
                return vers("/demandes/" + d.numeroUnique() + "?deposee=1").build();
            }
            // next: this step's fields must be right
            Map<String, String> erreurs = erreursEtape(v, e);
            if (!erreurs.isEmpty()) {
                return etape(s.get(), e, v, erreurs, null, 400);
            }
            return vers("/nouvelle-demande?etape=" + (e.numero() + 1)).build();
        } catch (DemandeInvalideException x) {
            return etape(s.get(), e, v, FormulaireDemande.erreurs(x.getErreurs()), null, 400);
        } catch (DemandeDejaActiveException x) {
            Map<String, Object> m = modele("Vous avez déjà une demande", s);
            m.put("message", x.getMessage());
            return Response.status(409).type(HTML).entity(gabarits.rendre("deja-active", m)).build();
        } catch (RegistreException x) {
            return etape(s.get(), e, v, Map.of(), Map.of("alerte", x.getMessage()), statut(x));
        }
    }

    /** The register's errors of the step's fields (every error at the last step), the values read as the register. */
    private Map<String, String> erreursEtape(Map<String, List<String>> v, FormulaireDemande.Etape e) {
        Dossier d;
        try {
            d = FormulaireDemande.dossier(v, json);
        } catch (DemandeInvalideException x) {
            Map<String, String> toutes = FormulaireDemande.erreurs(x.getErreurs());
            toutes.keySet().removeIf(k -> !e.possede(k));
            return toutes;
        }
        Map<String, String> toutes = FormulaireDemande.erreurs(portail.verifier(d));
        toutes.keySet().removeIf(k -> !e.possede(k));
        return toutes;
    }

    private Response etape(SessionPortail s, FormulaireDemande.Etape e, Map<String, List<String>> v,
                           Map<String, String> erreurs, Map<String, Object> extra, int statut) {
        Map<String, Object> m = modele(e.titre() + " — nouvelle demande (étape " + e.numero() + " sur "
                + FormulaireDemande.ETAPES.size() + ")", Optional.of(s));
        m.put("etape", e.numero());
        m.put("etapes", FormulaireDemande.ETAPES.stream().map(FormulaireDemande.Etape::titre).toList());
        m.put("titreEtape", e.titre());
        formulaire(m, v, erreurs, extra);
        if (e.numero() == FormulaireDemande.ETAPES.size()) {
            // the summary: every error, with the step where to correct it
            Map<String, String> toutes = new LinkedHashMap<>();
            try {
                toutes.putAll(FormulaireDemande.erreurs(portail.verifier(FormulaireDemande.dossier(v, json))));
            } catch (DemandeInvalideException x) {
                toutes.putAll(FormulaireDemande.erreurs(x.getErreurs()));
            }
            toutes.putAll(erreurs);
            List<Map<String, Object>> liste = new ArrayList<>();
            toutes.forEach((k, msg) -> liste.add(Map.of("champ", k, "message", msg, "etape",
                    FormulaireDemande.etapeDe(k))));
            m.put("erreursRecap", liste);
        }
        return Response.status(statut).type(HTML).header("Cache-Control", "no-store")
                .entity(gabarits.rendre("nouvelle-demande", m)).build();
    }

    private void formulaire(Map<String, Object> m, Map<String, List<String>> v, Map<String, String> erreurs,
                            Map<String, Object> extra) {
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        String ajout = extra == null ? null : (String) extra.get("ajout");
        m.put("lignesPersonnes", Math.max(1, FormulaireDemande.lignes(v, "personnesACharge")
                + ("personne".equals(ajout) ? 1 : 0)));
        m.put("lignesRessources", Math.max(1, FormulaireDemande.lignes(v, "ressources")
                + ("ressource".equals(ajout) ? 1 : 0)));
        m.put("listes", Listes.TOUTES);
        if (extra != null) {
            extra.forEach((k, x) -> {
                if (!"ajout".equals(k)) {
                    m.put(k, x);
                }
            });
        }
    }

    @GET
    @Path("demandes/{numero}")
    public Response demande(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                            @QueryParam("deposee") String deposee, @QueryParam("renouvelee") String renouvelee,
                            @QueryParam("modifiee") String modifiee) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        try {
            Demande d = portail.demande(s.get(), numero);
            Map<String, Object> m = modele("Demande " + d.numeroUnique(), s);
            m.putAll(resume(d));
            m.put("historique", historique(portail.historique(s.get(), numero)));
            List<Map<String, Object>> suivi = new ArrayList<>();
            for (org.registrehub.api.SuiviAttribution x : portail.suivi(s.get(), numero)) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("date", x.date() == null ? "" : DATE.format(x.date()));
                l.put("quoi", Libelles.de(x.nature()));
                l.put("bailleur", x.bailleur() == null ? "" : x.bailleur());
                l.put("logement", x.identifiantRpls() == null ? "" : x.identifiantRpls());
                l.put("detail", x.decision() != null ? Libelles.de(x.decision())
                        + (x.rang() != null && x.rang() > 1 ? " (rang " + x.rang() + ")" : "")
                        + (x.condition() != null ? " : " + x.condition() : "")
                        : x.rang() != null ? "candidat n° " + x.rang() : "");
                suivi.add(l);
            }
            m.put("suivi", suivi);
            portail.cotation(s.get(), numero).ifPresent(c -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("points", c.points());
                x.put("position", c.position());
                x.put("comparees", c.demandesComparees());
                x.put("commune", c.commune());
                x.put("typologie", Libelles.de("Typologie", c.typologie()));
                x.put("delai", c.delaiMoyenMois() == null ? "" : String.format(Locale.FRANCE, "%.1f mois",
                        c.delaiMoyenMois()));
                List<Map<String, Object>> detail = new ArrayList<>();
                c.detail().forEach(p -> detail.add(Map.of("libelle", p.libelle(), "points", p.points())));
                x.put("detail", detail);
                m.put("cotation", x);
            });
            m.put("dossier", FormulaireDemande.valeurs(d.dossier(), json));
            m.put("listes", Listes.TOUTES);
            if (deposee != null) {
                m.put("info", "Votre demande est enregistrée sous le numéro unique " + d.numeroUnique() + ". Votre"
                        + " attestation d'enregistrement vous est envoyée par courriel ; vous pouvez aussi la"
                        + " télécharger ci-dessous.");
            } else if (renouvelee != null) {
                m.put("info", "Votre demande est renouvelée jusqu'au " + DATE.format(d.dateValidite()) + ".");
            } else if (modifiee != null) {
                m.put("info", "Vos modifications sont enregistrées.");
            }
            return page("demande", m);
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    @GET
    @Path("demandes/{numero}/attestation")
    @Produces("application/pdf")
    public Response attestation(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        try {
            byte[] pdf = portail.attestation(s.get(), numero);
            return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\""
                    + "attestation-" + numero + ".pdf\"").header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff").build();
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    @GET
    @Path("demandes/{numero}/modifier")
    public Response modification(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        try {
            Demande d = portail.demande(s.get(), numero);
            return formulaireModification(s.get(), d, FormulaireDemande.valeurs(d.dossier(), json), Map.of(), null,
                    200);
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    private Response formulaireModification(SessionPortail s, Demande d, Map<String, List<String>> v,
                                            Map<String, String> erreurs, Map<String, Object> extra, int statut) {
        Map<String, Object> m = modele("Modifier la demande " + d.numeroUnique(), Optional.of(s));
        m.putAll(resume(d));
        formulaire(m, v, erreurs, extra);
        return Response.status(statut).type(HTML).header("Cache-Control", "no-store")
                .entity(gabarits.rendre("modifier", m)).build();
    }

    @POST
    @Path("demandes/{numero}/modifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response modifier(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                             MultivaluedMap<String, String> form) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = gardeFormulaire(s, form.getFirst("csrf"));
        if (refus != null) {
            return refus;
        }
        Map<String, List<String>> v = FormulaireDemande.champs(form);
        long version = entier(form.getFirst("version"), -1);
        String action = form.getFirst("action") == null ? "enregistrer" : form.getFirst("action");
        try {
            Demande lue = portail.demande(s.get(), numero);
            if (action.startsWith("ajouter-")) {
                Demande telle = new Demande(lue.numeroUnique(), lue.statut(), lue.guichet(), lue.territoire(),
                        lue.dateDepot(), lue.dateValidite(), lue.dateDernierRenouvellement(), lue.radiation(),
                        version, lue.dossier());
                return formulaireModification(s.get(), telle, v, Map.of(),
                        Map.of("ajout", action.substring("ajouter-".length())), 200);
            }
            try {
                portail.modifier(s.get(), numero, version, FormulaireDemande.dossier(v, json));
            } catch (VersionObsoleteException x) {
                // nothing lost: the applicant's values stay in the form, now at the current version
                return formulaireModification(s.get(), lue, v, Map.of(), Map.of("alerte", "Votre demande a été"
                        + " modifiée entre-temps (par un guichet ou depuis une autre fenêtre) : vos saisies n'ont pas"
                        + " été enregistrées. Elles sont conservées ci-dessous : vérifiez-les par rapport à la version"
                        + " actuelle (résumé en haut de page), puis enregistrez de nouveau.", "conflit", true), 409);
            }
            return vers("/demandes/" + numero + "?modifiee=1").build();
        } catch (DemandeInvalideException x) {
            Demande lue = portail.demande(s.get(), numero);
            Demande telle = new Demande(lue.numeroUnique(), lue.statut(), lue.guichet(), lue.territoire(),
                    lue.dateDepot(), lue.dateValidite(), lue.dateDernierRenouvellement(), lue.radiation(), version,
                    lue.dossier());
            return formulaireModification(s.get(), telle, v, FormulaireDemande.erreurs(x.getErreurs()), null, 400);
        } catch (RegistreException x) {
            return erreur(s, x);
        }
    }

    @POST
    @Path("demandes/{numero}/renouveler")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renouveler(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                               MultivaluedMap<String, String> form) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = gardeFormulaire(s, form.getFirst("csrf"));
        if (refus != null) {
            return refus;
        }
        try {
            Demande d = portail.demande(s.get(), numero);
            portail.renouveler(s.get(), numero, entier(form.getFirst("version"), -1), d.dossier());
            return vers("/demandes/" + numero + "?renouvelee=1").build();
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    // ------------------------------------------------------------------ dossier unique

    @GET
    @Path("demandes/{numero}/pieces")
    public Response pieces(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                           @QueryParam("deposee") String deposee, @QueryParam("retiree") String retiree) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        Map<String, Object> extra = new HashMap<>();
        if (deposee != null) {
            extra.put("info", "Votre pièce est déposée : les guichets et bailleurs du territoire peuvent la lire.");
        } else if (retiree != null) {
            extra.put("info", "La pièce est retirée de votre dossier.");
        }
        return pagePieces(s, numero, extra, 200);
    }

    private Response pagePieces(Optional<SessionPortail> s, String numero, Map<String, Object> extra, int statut) {
        try {
            Demande d = portail.demande(s.get(), numero);
            Map<String, Object> m = modele("Pièces justificatives de la demande " + numero, s);
            m.putAll(resume(d));
            List<Map<String, Object>> liste = new ArrayList<>();
            for (org.registrehub.api.dossier.Piece p : portail.pieces(s.get(), numero)) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", p.id());
                x.put("categorie", p.categorie().libelle());
                x.put("nom", p.nomFichier());
                x.put("type", p.typeMedia().replace("application/", "").replace("image/", "").toUpperCase(Locale.ROOT));
                x.put("taille", String.format(Locale.FRANCE, "%.1f Ko", p.taille() / 1024.0));
                x.put("le", DATE_HEURE.format(p.deposeLe()));
                liste.add(x);
            }
            m.put("pieces", liste);
            List<Map<String, String>> categories = new ArrayList<>();
            for (org.registrehub.api.dossier.CategoriePiece c : org.registrehub.api.dossier.CategoriePiece.values()) {
                categories.add(Map.of("code", c.name(), "libelle", c.libelle()));
            }
            m.put("categories", categories);
            m.putAll(extra);
            return Response.status(statut).type(HTML).header("Cache-Control", "no-store")
                    .entity(gabarits.rendre("pieces", m)).build();
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    @POST
    @Path("demandes/{numero}/pieces")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response deposerPiece(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                                 org.apache.cxf.jaxrs.ext.multipart.MultipartBody corps) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = gardeFormulaire(s, champ(corps, "csrf"));
        if (refus != null) {
            return refus;
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        org.registrehub.api.dossier.CategoriePiece categorie = null;
        try {
            categorie = org.registrehub.api.dossier.CategoriePiece.valueOf(champ(corps, "categorie"));
        } catch (IllegalArgumentException | NullPointerException e) {
            erreurs.put("categorie", "choisissez ce que la pièce justifie");
        }
        org.apache.cxf.jaxrs.ext.multipart.Attachment fichier = corps.getAttachment("fichier");
        String nom = fichier == null || fichier.getContentDisposition() == null ? null
                : fichier.getContentDisposition().getParameter("filename");
        if (nom == null || nom.isBlank()) {
            erreurs.put("fichier", "choisissez un fichier PDF, JPEG ou PNG");
        }
        if (!erreurs.isEmpty()) {
            return pagePieces(s, numero, Map.of("erreurs", erreurs), 400);
        }
        String remplace = champ(corps, "remplace");
        try {
            byte[] contenu;
            try (java.io.InputStream in = fichier.getDataHandler().getInputStream()) {
                contenu = in.readAllBytes();
            }
            portail.deposerPiece(s.get(), numero, categorie, nom, fichier.getContentType() == null ? null
                    : fichier.getContentType().toString(), contenu, remplace == null || remplace.isBlank() ? null
                    : Long.valueOf(remplace));
            return vers("/demandes/" + numero + "/pieces?deposee=1").build();
        } catch (org.registrehub.api.dossier.PieceRefuseeException e) {
            return pagePieces(s, numero, Map.of("erreurs", Map.of("fichier", e.getMessage())), 400);
        } catch (java.io.IOException | NumberFormatException e) {
            return pagePieces(s, numero, Map.of("erreurs", Map.of("fichier", "le fichier n'a pas pu être lu ;"
                    + " réessayez")), 400);
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    private static String champ(org.apache.cxf.jaxrs.ext.multipart.MultipartBody corps, String nom) {
        org.apache.cxf.jaxrs.ext.multipart.Attachment a = corps.getAttachment(nom);
        return a == null ? null : a.getObject(String.class);
    }

    @GET
    @Path("demandes/{numero}/pieces/{id}")
    @Produces({"application/pdf", "image/jpeg", "image/png", HTML})
    public Response piece(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                          @PathParam("id") long id) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = garde(s);
        if (refus != null) {
            return refus;
        }
        try {
            org.registrehub.api.dossier.ContenuPiece c = portail.piece(s.get(), numero, id);
            return Response.ok(c.contenu(), c.piece().typeMedia()).header("Content-Disposition",
                    "attachment; filename=\"" + c.piece().nomFichier().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("Cache-Control", "no-store").build();
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    @POST
    @Path("demandes/{numero}/pieces/{id}/retirer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retirerPiece(@CookieParam(COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                                 @PathParam("id") long id, MultivaluedMap<String, String> form) {
        Optional<SessionPortail> s = session(jeton);
        Response refus = gardeFormulaire(s, form.getFirst("csrf"));
        if (refus != null) {
            return refus;
        }
        try {
            portail.retirerPiece(s.get(), numero, id);
            return vers("/demandes/" + numero + "/pieces?retiree=1").build();
        } catch (RegistreException e) {
            return erreur(s, e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> resume(Demande d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numero", d.numeroUnique());
        m.put("statut", Libelles.de(d.statut()));
        m.put("active", d.statut() == Statut.ACTIVE);
        m.put("version", d.version());
        m.put("depot", DATE.format(d.dateDepot()));
        m.put("validite", d.dateValidite() == null ? "" : DATE.format(d.dateValidite()));
        m.put("aRenouveler", d.statut() == Statut.ACTIVE && d.dateValidite() != null
                && !d.dateValidite().isAfter(LocalDate.now(ZoneId.of("Europe/Paris")).plusMonths(3)));
        m.put("radiation", d.radiation() == null ? "" : Libelles.de(d.radiation().motif()));
        m.put("demandeur", d.dossier() == null || d.dossier().demandeur() == null ? ""
                : (d.dossier().demandeur().prenoms() + " " + d.dossier().demandeur().nom()).strip());
        return m;
    }

    private static List<Map<String, Object>> historique(List<EntreeHistorique> h) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (EntreeHistorique e : h) {
            l.add(Map.of("quand", DATE_HEURE.format(e.horodatage()), "quoi", Libelles.de(e.operation()),
                    "par", Libelles.de(e.canal()), "changements", e.changements() == null ? 0 : e.changements().size()));
        }
        return l;
    }

    /** Why a page of the applicant's space is refused (no open session: to the sign-in page), or null. */
    private Response garde(Optional<SessionPortail> s) {
        return s.isEmpty() ? versConnexion() : null;
    }

    /**
     * Why a form of the applicant's space is refused: no open session, or a CSRF token missing or not the
     * session's; null when it may go on.
     */
    private Response gardeFormulaire(Optional<SessionPortail> s, String csrf) {
        if (s.isEmpty()) {
            return versConnexion();
        }
        if (!Http.memeJeton(s.get().csrf(), csrf)) {
            return refusCsrf();
        }
        return null;
    }

    private Optional<SessionPortail> session(String jeton) {
        return jeton == null || jeton.isBlank() ? Optional.empty() : portail.session(jeton);
    }

    private Map<String, Object> modele(String titre, Optional<SessionPortail> s) {
        return modele(titre, s, theme, base);
    }

    /** What every page's layout reads: its title, the portal's address and theme, the session's state and token. */
    static Map<String, Object> modele(String titre, Optional<SessionPortail> s, Theme theme, String base) {
        Map<String, Object> m = new HashMap<>();
        m.put("titre", titre);
        m.put("base", base);
        m.put("theme", theme);
        m.put("connecte", s.isPresent());
        m.put("csrf", s.map(SessionPortail::csrf).orElse(""));
        m.put("valeurs", Map.of());
        m.put("erreurs", Map.of());
        return m;
    }

    /** A page before sign-in: its form carries the double-submit token of the pre-session cookie. */
    private Response anonyme(String gabarit, String titre, String pre, Map<String, Object> extra, int statut) {
        String jeton = pre != null && pre.matches("^[A-Za-z0-9_-]{43}$") ? pre : Http.nouveauJeton();
        Map<String, Object> m = modele(titre, Optional.empty());
        m.put("csrf", jeton);
        m.putAll(extra);
        Response.ResponseBuilder r = Response.status(statut).type(HTML).header("Cache-Control", "no-store")
                .entity(gabarits.rendre(gabarit, m));
        if (!jeton.equals(pre)) {
            r.header("Set-Cookie", cookie(COOKIE_PRE, jeton, -1));
        }
        return r.build();
    }

    /** What the applicant typed, shown again in the form ({@code valeurs}: field → values). */
    private static Map<String, Object> saisie(String champ, String valeur) {
        Map<String, Object> m = new HashMap<>();
        m.put("valeurs", Map.of(champ, List.of(valeur == null ? "" : valeur.strip())));
        return m;
    }

    private static Map<String, Object> avecErreurs(Map<String, Object> valeurs, List<ErreurChamp> erreurs) {
        Map<String, Object> m = new HashMap<>(valeurs);
        Map<String, String> e = new LinkedHashMap<>();
        erreurs.forEach(x -> e.putIfAbsent(x.champ(), x.message()));
        m.put("erreurs", e);
        return m;
    }

    private static Map<String, Object> avecAlerte(Map<String, Object> valeurs, RegistreException e) {
        Map<String, Object> m = new HashMap<>(valeurs);
        m.put("alerte", e.getMessage());
        return m;
    }

    private boolean csrfAnonyme(String pre, MultivaluedMap<String, String> form) {
        return pre != null && pre.length() == 43 && Http.memeJeton(pre, form.getFirst("csrf"));
    }

    private Response refusCsrf() {
        LOG.warn("Formulaire du portail refusé : jeton anti-CSRF absent ou faux (adresse {})", adresse());
        Map<String, Object> m = modele("Formulaire expiré", Optional.empty());
        m.put("message", "Ce formulaire a expiré ou ne vient pas de ce site : rien n'a été enregistré. Rechargez la"
                + " page et recommencez.");
        return Response.status(403).type(HTML).header("Cache-Control", "no-store")
                .entity(gabarits.rendre("erreur", m)).build();
    }

    private Response ouvrir(SessionPortail s, String vers) {
        return vers(vers).header("Set-Cookie", cookie(COOKIE_SESSION, s.jeton(), -1))
                .header("Cache-Control", "no-store").build();
    }

    /** A 303 to a page of the portal, by its path (a relative Location: the host is the one the browser used). */
    private Response.ResponseBuilder vers(String chemin) {
        return Response.status(303).header("Location", base + chemin);
    }

    private Response versConnexion() {
        return vers("/connexion").header("Cache-Control", "no-store").build();
    }

    private String cookie(String nom, String valeur, int maxAge) {
        return Http.cookie(requete, base, nom, valeur, maxAge);
    }

    private String adresse() {
        return requete == null ? null : requete.getRemoteAddr();
    }

    private Response page(String gabarit, Map<String, Object> m) {
        return Response.ok(gabarits.rendre(gabarit, m), HTML).header("Cache-Control", "no-store").build();
    }

    private Response erreur(Optional<SessionPortail> s, RegistreException e) {
        Map<String, Object> m = modele(e instanceof DemandeIntrouvableException ? "Demande introuvable"
                : "Opération impossible", s);
        m.put("message", e instanceof DemandeIntrouvableException
                ? "Cette demande n'est pas dans votre espace." : e.getMessage());
        return Response.status(statut(e)).type(HTML).header("Cache-Control", "no-store")
                .entity(gabarits.rendre("erreur", m)).build();
    }

    static int statut(RegistreException e) {
        if (e instanceof TropDeTentativesException) {
            return 429;
        }
        if (e instanceof ConnexionRefuseeException) {
            return 401;
        }
        if (e instanceof LienInvalideException || e instanceof org.registrehub.api.renouvellement.JetonInvalideException) {
            return 410;
        }
        return Http.statut(e);
    }

    private static int entier(String s, int defaut) {
        try {
            return s == null ? defaut : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return defaut;
        }
    }
}
