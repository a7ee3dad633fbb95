package org.registrehub.web.backoffice.internal;

import static org.registrehub.web.backoffice.internal.Saisies.choix;
import static org.registrehub.web.backoffice.internal.Saisies.code;
import static org.registrehub.web.backoffice.internal.Saisies.texte;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

import org.registrehub.api.DecisionCal;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Libelles;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.CommissionService;
import org.registrehub.api.attribution.DecisionCandidat;
import org.registrehub.api.attribution.FicheCandidat;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.PlanCommission;
import org.registrehub.api.attribution.PointOrdreDuJour;
import org.registrehub.api.attribution.ResumeCommission;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.web.commun.Nombres;

/**
 * The commissions d'attribution as a landlord (its own) or a gestionnaire (its territories) runs them: the sessions,
 * planning one with the dwellings whose candidates it examines, its agenda with each candidate's sheet, the agenda
 * and the sheets in PDF for the members, and the decisions per candidate with the legal outcomes. Every rule is
 * {@link CommissionService}'s (checked, historized, audited there).
 */
@Path("/commissions")
@Produces(Vues.HTML)
public class CommissionsPages {

    private static final Map<String, String> INFOS = Map.of(
            "planifiee", "La commission est planifiée : son ordre du jour et les fiches des candidats sont prêts.",
            "decidee", "Les décisions sont enregistrées : chaque demande porte la décision dans son suivi et le"
                    + " demandeur en est informé.");

    /** The fields of a decision and their labels. */
    private static final Map<String, String> CHAMPS_DECISION = Map.of("numeroUnique", "Candidat", "decision",
            "Décision", "rang", "Rang dans le classement", "motif", "Motif", "motifIrrecevabilite",
            "Motif d'irrecevabilité", "condition", "Condition");

    private final List<CommissionService> commissions;
    private final List<LogementsService> logements;
    private final Garde garde;
    private final Vues vues;

    @Context
    private HttpServletRequest requete;

    public CommissionsPages(List<CommissionService> commissions, List<LogementsService> logements, Garde garde,
                            Vues vues) {
        this.commissions = commissions;
        this.logements = logements;
        this.garde = garde;
        this.vues = vues;
    }

    private Response refus(Optional<Agent> a, String ici) {
        if (a.isEmpty()) {
            return garde.versConnexion(ici);
        }
        if (commissions.isEmpty() || logements.isEmpty()) {
            return vues.message("Attribution indisponible", "Les commissions d'attribution ne sont pas installées sur"
                    + " ce hub (fonctionnalité registre-attribution).", a.get().session(), a.get().droits(), 503);
        }
        if (!vues.droitsAttribution(a.get().session().identite()).commissions()) {
            return vues.refus(a.get(), "les commissions d'attribution (rôles bailleur ou gestionnaire)");
        }
        return null;
    }

    // ------------------------------------------------------------------ sessions and planning

    @GET
    public Response liste(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("logement") String logement) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/commissions");
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = new HashMap<>();
        if (texte(logement) != null) {
            v.put("logements", List.of(logement.strip()));
        }
        try {
            return liste(a.get(), v, Map.of(), 200);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Commission introuvable");
        }
    }

    private Response liste(Agent a, Map<String, List<String>> v, Map<String, String> erreurs, int statut) {
        Map<String, Object> m = vues.modele("Commissions d'attribution", "commissions", a.session(), a.droits());
        List<Map<String, String>> seances = new ArrayList<>();
        for (ResumeCommission c : commissions.get(0).commissions(a.contexte())) {
            seances.add(Map.of("id", String.valueOf(c.id()), "date", Vues.date(c.date()), "lieu", c.lieu() == null
                    ? "" : c.lieu(), "bailleur", c.bailleur(), "territoire", c.territoire(), "statut",
                    Libelles.de(c.statut()), "logements", Nombres.entier(c.logements())));
        }
        m.put("seances", seances);
        // what may go on an agenda: the open offers with proposed candidates the user may put before a commission
        List<Map<String, String>> inscriptibles = new ArrayList<>();
        LogementsService service = logements.get(0);
        for (LogementOffert l : service.logements(StatutOffre.CANDIDATS_PROPOSES, null, a.contexte())) {
            if (service.actions(l, a.contexte()).inscrire()) {
                inscriptibles.add(Map.of("rpls", l.identifiantRpls(), "libelle", l.identifiantRpls() + " — "
                        + Libelles.de(l.typologie()) + ", " + l.adresse() + " (" + l.commune() + "), bailleur "
                        + l.bailleur()));
            }
        }
        m.put("inscriptibles", inscriptibles);
        m.put("bailleurDemande", !a.session().identite().a(Role.BAILLEUR));
        m.put("libellesErreurs", Map.of("date", "Date de la séance", "lieu", "Lieu", "bailleur", "Bailleur",
                "logements", "Logements à l'ordre du jour", "commission", "Commission"));
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        return vues.page("commissions", m, statut);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response planifier(@CookieParam(Garde.COOKIE_SESSION) String jeton, MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = garde.refusFormulaire(a, form.getFirst("csrf"), "/commissions", requete);
        if (r == null) {
            r = refus(a, "/commissions");
        }
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = new HashMap<>();
        for (String c : List.of("date", "lieu", "bailleur")) {
            if (texte(form.getFirst(c)) != null) {
                v.put(c, List.of(form.getFirst(c).strip()));
            }
        }
        List<String> rpls = form.get("logements") == null ? List.of() : form.get("logements").stream()
                .filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
        v.put("logements", rpls);
        Map<String, String> erreurs = new LinkedHashMap<>();
        LocalDate date = Saisies.date("date", form.getFirst("date"), erreurs);
        try {
            if (!erreurs.isEmpty()) {
                return liste(a.get(), v, erreurs, 400);
            }
            Commission c = commissions.get(0).planifier(new PlanCommission(texte(form.getFirst("bailleur")), date,
                    texte(form.getFirst("lieu")), rpls), a.get().contexte());
            return vues.vers("/commissions/" + c.id() + "?info=planifiee").build();
        } catch (DemandeInvalideException e) {
            // "logements[2]" names the third dwelling ticked: the error goes beside the list
            List<ErreurChamp> l = e.getErreurs().stream().map(x -> x.champ().startsWith("logements[")
                    ? new ErreurChamp("logements", x.regle(), x.valeurRejetee(), x.valeurRejetee() + " : "
                    + x.message()) : x).toList();
            return liste(a.get(), v, DemandesPages.erreurs(l), 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Logement introuvable");
        }
    }

    // ------------------------------------------------------------------ a session

    @GET
    @Path("{id: [0-9]{1,18}}")
    public Response commission(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id,
                               @QueryParam("info") String info) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/commissions/" + id);
        if (r != null) {
            return r;
        }
        try {
            return seance(a.get(), id, null, Map.of(), Map.of(), info == null ? null : INFOS.get(info), 200);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Commission introuvable");
        }
    }

    private Response seance(Agent a, long id, String rplsForm, Map<String, List<String>> v,
                            Map<String, String> erreurs, String info, int statut) {
        Commission c = commissions.get(0).commission(id, a.contexte());
        Map<String, Object> m = vues.modele("Commission n° " + c.id() + " du " + Vues.date(c.date()), "commissions",
                a.session(), a.droits());
        m.put("id", c.id());
        m.put("date", Vues.date(c.date()));
        m.put("lieu", c.lieu() == null ? "" : c.lieu());
        m.put("bailleur", c.bailleur());
        m.put("territoire", c.territoire());
        m.put("statut", Libelles.de(c.statut()));
        List<Map<String, Object>> points = new ArrayList<>();
        Map<String, String> libelles = new HashMap<>(Map.of("decisions", "Décisions", "identifiantRpls",
                "Logement"));
        // the rows of the decision forms are numbered across the agenda: each field has its own id on the page
        int ligne = 0;
        for (PointOrdreDuJour p : c.ordreDuJour()) {
            Map<String, Object> x = new HashMap<>();
            LogementOffert l = p.logement();
            x.put("ordre", p.ordre());
            x.put("rpls", l.identifiantRpls());
            x.put("logement", Libelles.de(l.typologie()) + " de " + Nombres.decimal(l.surface()) + " m², "
                    + l.adresse() + " (" + l.commune() + "), " + Nombres.euros(l.depenseMensuelle())
                    + " par mois charges comprises, " + Libelles.de(l.financement()));
            x.put("statut", Libelles.de(l.statut()));
            x.put("moinsDeTrois", p.motifMoinsDeTrois() == null ? "" : Libelles.de(p.motifMoinsDeTrois()));
            List<Map<String, Object>> fiches = new ArrayList<>();
            int premiere = ligne;
            for (FicheCandidat f : p.candidats()) {
                Map<String, Object> y = new HashMap<>();
                y.put("numero", f.numeroUnique());
                y.put("rang", f.rang());
                y.put("nom", f.nom());
                y.put("composition", f.composition());
                y.put("ressources", f.ressourcesMensuelles() == null ? "—" : Nombres.euros(f.ressourcesMensuelles()));
                y.put("revenuFiscal", f.revenuFiscal() == null ? "non déclaré" : Nombres.euros(
                        java.math.BigDecimal.valueOf(f.revenuFiscal())));
                y.put("tauxEffort", f.tauxEffort() == null ? "—" : Nombres.decimal(f.tauxEffort()) + " %");
                y.put("points", f.points());
                y.put("anciennete", f.ancienneteMois() + " mois (dépôt le " + Vues.dateCourte(f.dateDepot()) + ")");
                y.put("priorites", String.join(", ", f.priorites()) + (f.dalo() ? (f.priorites().isEmpty() ? ""
                        : ", ") + "DALO" : ""));
                y.put("statut", Libelles.de(f.statut()));
                y.put("decision", f.decision() == null ? "" : Libelles.de(f.decision()) + (f.motif() == null ? ""
                        : " — " + f.motif()));
                boolean enLice = f.statut().enCours() && f.decision() == null;
                y.put("aDecider", enLice);
                if (enLice) {
                    for (Map.Entry<String, String> e : CHAMPS_DECISION.entrySet()) {
                        libelles.put("decisions[" + ligne + "]." + e.getKey(), e.getValue() + " (" + f.nom() + ")");
                    }
                    y.put("ligne", ligne++);
                }
                fiches.add(y);
            }
            x.put("fiches", fiches);
            x.put("aDecider", ligne > premiere);
            x.put("formulaire", l.identifiantRpls().equals(rplsForm));
            points.add(x);
        }
        m.put("points", points);
        m.put("libellesErreurs", libelles);
        m.put("rplsForm", rplsForm == null ? "" : rplsForm);
        m.put("decisions", choix(DecisionCal.values()));
        m.put("irrecevabilites", choix(MotifIrrecevabilite.values()));
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        if (info != null) {
            m.put("info", info);
        }
        return vues.page("commission", m, statut);
    }

    @GET
    @Path("{id: [0-9]{1,18}}/ordre-du-jour.pdf")
    @Produces("application/pdf")
    public Response ordreDuJour(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id) {
        return pdf(jeton, id, "ordre-du-jour", true);
    }

    @GET
    @Path("{id: [0-9]{1,18}}/fiches.pdf")
    @Produces("application/pdf")
    public Response fiches(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id) {
        return pdf(jeton, id, "fiches", false);
    }

    private Response pdf(String jeton, long id, String nom, boolean ordreDuJour) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/commissions/" + id);
        if (r != null) {
            return r;
        }
        try {
            CommissionService s = commissions.get(0);
            byte[] pdf = ordreDuJour ? s.ordreDuJourPdf(id, a.get().contexte()) : s.fichesPdf(id, a.get().contexte());
            return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\"commission-"
                    + id + "-" + nom + ".pdf\"").header("Cache-Control", "no-store").build();
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Commission introuvable");
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/logements/" + LogementsPages.RPLS + "/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decider(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id,
                            @PathParam("rpls") String rpls, MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = garde.refusFormulaire(a, form.getFirst("csrf"), "/commissions/" + id, requete);
        if (r == null) {
            r = refus(a, "/commissions/" + id);
        }
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = new HashMap<>();
        Map<String, String> erreurs = new LinkedHashMap<>();
        List<DecisionCandidat> decisions = new ArrayList<>();
        List<Integer> lignes = new ArrayList<>();
        for (int i : Saisies.lignes(form, "decisions")) {
            String p = "decisions[" + i + "].";
            String numero = texte(form.getFirst(p + "numeroUnique"));
            for (String c : List.of("decision", "rang", "motif", "motifIrrecevabilite", "condition")) {
                if (texte(form.getFirst(p + c)) != null) {
                    v.put(p + c, List.of(form.getFirst(p + c).strip()));
                }
            }
            DecisionCal d = code(DecisionCal.class, form.getFirst(p + "decision"), p + "decision", erreurs);
            if (d == null) {
                continue;
            }
            decisions.add(new DecisionCandidat(numero, d, Saisies.nombre(p + "rang", form.getFirst(p + "rang"),
                    erreurs), texte(form.getFirst(p + "motif")), code(MotifIrrecevabilite.class,
                    form.getFirst(p + "motifIrrecevabilite"), p + "motifIrrecevabilite", erreurs),
                    texte(form.getFirst(p + "condition"))));
            lignes.add(i);
        }
        try {
            if (!erreurs.isEmpty()) {
                return seance(a.get(), id, rpls, v, erreurs, null, 400);
            }
            commissions.get(0).decider(id, rpls, decisions, a.get().contexte());
            return vues.vers("/commissions/" + id + "?info=decidee").build();
        } catch (DemandeInvalideException e) {
            return seance(a.get(), id, rpls, v, Saisies.parLigne(e.getErreurs(), "decisions", lignes), null, 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Commission introuvable");
        }
    }
}
