package org.registrehub.web.backoffice.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.erp.EtatOrganisationErp;
import org.registrehub.api.erp.LettreMorte;
import org.registrehub.api.erp.SupervisionErp;
import org.registrehub.web.commun.Nombres;

/**
 * The landlords' ERP channel as a gestionnaire supervises it: each organisation's queues and last message, and the
 * dead letters of its territories — read (the message as sent), replayed into their queue once the cause is fixed
 * (processed again, never twice in effect), or discarded; each of these audited by the ERP service.
 */
@Path("/erp")
@Produces(Vues.HTML)
public class ErpPages {

    private static final Map<String, String> INFOS = Map.of(
            "rejouee", "La lettre morte est renvoyée dans sa file : le hub la traite de nouveau.",
            "supprimee", "La lettre morte est supprimée.");

    private final RegistreService registre;
    private final List<SupervisionErp> supervision;
    private final Garde garde;
    private final Vues vues;

    @Context
    private HttpServletRequest requete;

    public ErpPages(RegistreService registre, List<SupervisionErp> supervision, Garde garde, Vues vues) {
        this.registre = registre;
        this.supervision = supervision;
        this.garde = garde;
        this.vues = vues;
    }

    private Optional<Agent> superviseur(String jeton) {
        return garde.agent(jeton);
    }

    private Response refus(Optional<Agent> s, String ici) {
        if (s.isEmpty()) {
            return garde.versConnexion(ici);
        }
        if (!SupervisionErp.autorise(s.get().session().identite())) {
            return vues.message("Accès refusé", "La supervision des ERP est réservée aux gestionnaires (leurs"
                    + " territoires) et aux administrateurs.", s.get().session(), s.get().droits(), 403);
        }
        if (supervision.isEmpty()) {
            return vues.message("ERP indisponibles", "Les files des ERP des bailleurs ne sont pas installées sur ce hub"
                    + " (fonctionnalité registre-erp).", s.get().session(), s.get().droits(), 503);
        }
        return null;
    }

    @GET
    public Response etat(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("info") String info) {
        Optional<Agent> s = superviseur(jeton);
        Response r = refus(s, "/erp");
        if (r != null) {
            return r;
        }
        Map<String, Object> m = vues.modele("ERP des bailleurs", "erp", s.get().session(), s.get().droits());
        try {
            List<Map<String, Object>> organisations = new ArrayList<>();
            for (EtatOrganisationErp e : supervision.get(0).etat(s.get().contexte())) {
                Map<String, Object> x = new HashMap<>();
                x.put("code", e.organisation());
                x.put("active", e.consommee());
                x.put("entrants", profondeur(e.entrants()));
                x.put("reponses", profondeur(e.reponses()));
                x.put("evenements", profondeur(e.evenements()));
                x.put("lettresMortes", Nombres.entier(e.lettresMortes()));
                x.put("dernier", e.dernierMessageId() == null ? "—" : e.dernierMessageId() + " ("
                        + (e.dernierType() == null ? "?" : e.dernierType()) + ", " + (e.dernierStatut() == null ? "?"
                        : e.dernierStatut()) + ", " + Vues.dateHeure(e.dernierTraiteLe()) + ")");
                organisations.add(x);
            }
            m.put("organisations", organisations);
            m.put("lettres", lettres(supervision.get(0).lettresMortes(200, s.get().contexte())));
        } catch (RegistreException e) {
            return vues.message("ERP indisponibles", e.getMessage(), s.get().session(), s.get().droits(), 503);
        }
        if (info != null && INFOS.containsKey(info)) {
            m.put("info", INFOS.get(info));
        }
        return vues.page("erp", m);
    }

    private static String profondeur(long n) {
        return n < 0 ? "?" : Nombres.entier(n);
    }

    private static List<Map<String, String>> lettres(List<LettreMorte> l) {
        List<Map<String, String>> r = new ArrayList<>();
        for (LettreMorte x : l) {
            r.add(Map.of("id", String.valueOf(x.id()), "organisation", x.organisation() == null ? "?" : x.organisation(),
                    "messageId", x.messageId() == null ? "illisible" : x.messageId(), "motif",
                    x.motif() == null ? "" : x.motif(), "file", x.file() == null ? "?" : x.file(), "depuis",
                    Vues.dateHeure(x.horodatage())));
        }
        return r;
    }

    @GET
    @Path("lettres/{id: [0-9]{1,19}}")
    public Response lettre(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id) {
        Optional<Agent> s = superviseur(jeton);
        Response r = refus(s, "/erp/lettres/" + id);
        if (r != null) {
            return r;
        }
        SupervisionErp sup = supervision.get(0);
        Optional<LettreMorte> l = sup.lettresMortes(Integer.MAX_VALUE, s.get().contexte()).stream()
                .filter(x -> x.id() == id).findFirst();
        Optional<String> contenu = l.isEmpty() ? Optional.empty() : sup.contenu(id, s.get().contexte());
        if (l.isEmpty() || contenu.isEmpty()) {
            return introuvable(s.get(), id);
        }
        Map<String, Object> m = vues.modele("Lettre morte n° " + id, "erp", s.get().session(), s.get().droits());
        m.put("l", lettres(List.of(l.get())).get(0));
        m.put("contenu", contenu.get());
        return vues.page("erp-lettre", m);
    }

    @POST
    @Path("lettres/{id: [0-9]{1,19}}/rejouer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejouer(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id,
                            @FormParam("csrf") String csrf) {
        Optional<Agent> s = superviseur(jeton);
        Response r = refus(s, "/erp");
        if (r != null) {
            return r;
        }
        if (!garde.csrf(s.get().session(), csrf)) {
            return garde.refusCsrf(s.get().session(), requete);
        }
        return supervision.get(0).rejouer(id, s.get().contexte()) ? vues.vers("/erp?info=rejouee").build()
                : introuvable(s.get(), id);
    }

    @POST
    @Path("lettres/{id: [0-9]{1,19}}/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response supprimer(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id,
                              @FormParam("csrf") String csrf, @FormParam("confirmation") String confirmation) {
        Optional<Agent> s = superviseur(jeton);
        Response r = refus(s, "/erp");
        if (r != null) {
            return r;
        }
        if (!garde.csrf(s.get().session(), csrf)) {
            return garde.refusCsrf(s.get().session(), requete);
        }
        if (!"oui".equals(confirmation)) {
            return vues.message("Suppression non confirmée", "Cochez la case de confirmation pour supprimer la lettre"
                    + " morte " + id + " : rien n'a été supprimé.", s.get().session(), s.get().droits(), 400);
        }
        return supervision.get(0).supprimer(id, s.get().contexte()) ? vues.vers("/erp?info=supprimee").build()
                : introuvable(s.get(), id);
    }

    private Response introuvable(Agent s, long id) {
        return vues.message("Lettre morte introuvable", "Aucune lettre morte n° " + id + " dans votre périmètre :"
                + " elle a peut-être déjà été rejouée ou supprimée.", s.session(), s.droits(), 404);
    }
}
