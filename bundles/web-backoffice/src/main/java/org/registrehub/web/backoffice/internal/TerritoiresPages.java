package org.registrehub.web.backoffice.internal;

import static org.registrehub.web.backoffice.internal.Saisies.texte;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.Epci;
import org.registrehub.web.commun.Nombres;

/**
 * The territories as a gestionnaire manages them: the EPCI and their member communes (defined within its
 * départements; an administrator anywhere), the territories granted to an organisation (a département or an EPCI),
 * and the address and opening hours a guichet shows in the public directory. Every rule and every audit line is
 * {@link AccesService}'s; the organisation's page ({@link ComptesPages}) shows the forms.
 */
@Path("/territoires")
@Produces(Vues.HTML)
public class TerritoiresPages {

    private static final Map<String, String> INFOS = Map.of(
            "epci", "L'EPCI est enregistré : il peut être accordé comme territoire.");
    private static final Map<String, String> LIBELLES = Map.of("code", "SIREN de l'EPCI", "nom", "Nom de l'EPCI",
            "communes", "Communes membres", "epci", "EPCI");

    private final List<AccesService> acces;
    private final ComptesPages comptes;
    private final Garde garde;
    private final Vues vues;

    public TerritoiresPages(List<AccesService> acces, ComptesPages comptes, Garde garde, Vues vues) {
        this.acces = acces;
        this.comptes = comptes;
        this.garde = garde;
        this.vues = vues;
    }

    /** The same guard as the accounts' pages: a gestionnaire or an administrator, the access service installed. */
    private Response refus(Optional<Agent> a, String ici) {
        return comptes.refus(a, ici);
    }

    private Response refusFormulaire(Optional<Agent> a, MultivaluedMap<String, String> form, String retour) {
        return comptes.refusFormulaire(a, form, retour);
    }

    // ------------------------------------------------------------------ EPCI

    @GET
    public Response epcis(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("info") String info) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/territoires");
        if (r != null) {
            return r;
        }
        return page(a.get(), Map.of(), Map.of(), info == null ? null : INFOS.get(info), 200);
    }

    private Response page(Agent a, Map<String, List<String>> v, Map<String, String> erreurs, String info,
                          int statut) {
        Map<String, Object> m = vues.modele("EPCI et territoires", "comptes", a.session(), a.droits());
        List<Map<String, String>> l = new ArrayList<>();
        try {
            for (Epci e : acces.get(0).epcis(a.contexte())) {
                l.add(Map.of("code", e.code(), "nom", e.nom(), "nombre", Nombres.entier(e.communes().size()),
                        "communes", String.join(", ", e.communes())));
            }
        } catch (RegistreException e) {
            return vues.erreur(a, e, "EPCI introuvable");
        }
        m.put("epcis", l);
        m.put("departements", new java.util.TreeSet<>(a.session().identite().departements()));
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        m.put("libellesErreurs", LIBELLES);
        if (info != null) {
            m.put("info", info);
        }
        return vues.page("territoires", m, statut);
    }

    /** Defines (or redefines) an EPCI: its communes typed as a list (spaces, commas or lines between them). */
    @POST
    @Path("epci")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response definir(@CookieParam(Garde.COOKIE_SESSION) String jeton, MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refusFormulaire(a, form, "/territoires");
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = new HashMap<>();
        for (String c : List.of("code", "nom", "communes")) {
            if (texte(form.getFirst(c)) != null) {
                v.put(c, List.of(form.getFirst(c).strip()));
            }
        }
        Set<String> communes = communes(form.getFirst("communes"));
        try {
            acces.get(0).definirEpci(new Epci(texte(form.getFirst("code")), texte(form.getFirst("nom")), communes),
                    a.get().contexte());
            return vues.vers("/territoires?info=epci").build();
        } catch (DemandeInvalideException e) {
            // "communes[3]" names the fourth commune typed: the error goes beside the list, naming it
            List<String> liste = new ArrayList<>(communes);
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.getErreurs().forEach(x -> {
                String champ = x.champ().startsWith("communes[") ? "communes" : x.champ();
                String quoi = x.champ().startsWith("communes[") ? indice(x.champ(), liste) + " : " : "";
                erreurs.merge(champ, quoi + x.message(), (p, n) -> p + " ; " + n);
            });
            return page(a.get(), v, erreurs, null, 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "EPCI introuvable");
        }
    }

    /** The communes of a list as typed, in order, each once. */
    static Set<String> communes(String texte) {
        Set<String> s = new LinkedHashSet<>();
        if (texte != null) {
            Arrays.stream(texte.split("[\\s,;]+")).filter(x -> !x.isBlank()).map(String::strip).forEach(s::add);
        }
        return s;
    }

    private static String indice(String champ, List<String> communes) {
        try {
            int i = Integer.parseInt(champ.substring(champ.indexOf('[') + 1, champ.indexOf(']')));
            // the service numbers the communes in the EPCI's order (sorted)
            List<String> triees = communes.stream().sorted().toList();
            return i < triees.size() ? "« " + triees.get(i) + " »" : champ;
        } catch (RuntimeException e) {
            return champ;
        }
    }

    // ------------------------------------------------------------------ an organisation's territories and guichet

    @POST
    @Path("{organisation: [A-Za-z0-9_-]{1,40}}/{action: accorder|retirer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response territoire(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                               @PathParam("organisation") String organisation, @PathParam("action") String action,
                               MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refusFormulaire(a, form, "/comptes/" + organisation);
        if (r != null) {
            return r;
        }
        String territoire = texte(form.getFirst("territoire"));
        boolean accorder = "accorder".equals(action);
        try {
            if (accorder) {
                acces.get(0).accorderTerritoire(organisation, territoire, a.get().contexte());
            } else {
                acces.get(0).revoquerTerritoire(organisation, territoire, a.get().contexte());
            }
            return vues.vers("/comptes/" + organisation + "?info=" + (accorder ? "territoire-accorde"
                    : "territoire-retire")).build();
        } catch (DemandeInvalideException e) {
            return comptes.pageOrganisation(a.get(), organisation, territoire == null ? Map.of()
                    : Map.of("territoire", List.of(territoire)), Map.of("erreurs", DemandesPages.erreurs(
                    e.getErreurs())), 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Organisation introuvable");
        }
    }

    @POST
    @Path("{organisation: [A-Za-z0-9_-]{1,40}}/coordonnees")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response coordonnees(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                                @PathParam("organisation") String organisation, MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refusFormulaire(a, form, "/comptes/" + organisation);
        if (r != null) {
            return r;
        }
        String adresse = texte(form.getFirst("adresse"));
        String horaires = texte(form.getFirst("horaires"));
        Map<String, List<String>> v = new HashMap<>();
        v.put("adresse", adresse == null ? List.of() : List.of(adresse));
        v.put("horaires", horaires == null ? List.of() : List.of(horaires));
        try {
            acces.get(0).changerCoordonnees(organisation, adresse, horaires, a.get().contexte());
            return vues.vers("/comptes/" + organisation + "?info=coordonnees").build();
        } catch (DemandeInvalideException e) {
            return comptes.pageOrganisation(a.get(), organisation, v, Map.of("erreurs", DemandesPages.erreurs(
                    e.getErreurs())), 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Organisation introuvable");
        }
    }
}
