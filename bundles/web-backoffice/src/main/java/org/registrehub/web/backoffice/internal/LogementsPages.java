package org.registrehub.web.backoffice.internal;

import static org.registrehub.web.backoffice.internal.Saisies.choix;
import static org.registrehub.web.backoffice.internal.Saisies.code;
import static org.registrehub.web.backoffice.internal.Saisies.texte;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Libelles;
import org.registrehub.api.RegistreException;
import org.registrehub.api.Typologie;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.ActionsLogement;
import org.registrehub.api.attribution.CandidatDesigne;
import org.registrehub.api.attribution.CandidatRapproche;
import org.registrehub.api.attribution.Candidature;
import org.registrehub.api.attribution.CandidaturesService;
import org.registrehub.api.attribution.Constat;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.Designation;
import org.registrehub.api.attribution.DroitsAttribution;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.MotifMoinsDeTrois;
import org.registrehub.api.attribution.PlafondApplique;
import org.registrehub.api.attribution.RapprochementService;
import org.registrehub.api.attribution.Rapprochement;
import org.registrehub.api.attribution.ReglesRapprochement;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.TypeReservataire;
import org.registrehub.api.attribution.Verdict;
import org.registrehub.web.commun.Nombres;

/**
 * The landlords' and réservataires' side of attribution: the dwellings offered (a landlord its own, a réservataire
 * those reserved for it, a gestionnaire those of its territories), their declaration, a dwelling with its history and
 * candidatures, its withdrawal, the ranked candidates of a dwelling explained criterion by criterion and the
 * designation of up to three of them. Every screen and button follows what the attribution services allow
 * ({@link LogementsService#droits}, {@link LogementsService#actions}); every action is theirs (checked, historized,
 * audited there).
 */
@Path("/logements")
@Produces(Vues.HTML)
public class LogementsPages {

    static final String RPLS = "{rpls: [A-Za-z0-9]{1,20}}";
    /** Candidates the ranked list shows when the page does not say, and at most. */
    static final int LIMITE_DEFAUT = 20;
    private static final Map<String, String> INFOS = Map.of(
            "declare", "Le logement est déclaré : il est offert et ses candidats peuvent être recherchés.",
            "retire", "Le logement est retiré : ses candidatures en cours sont annulées.",
            "designes", "Les candidats sont désignés : chaque demande porte la proposition dans son suivi.");
    /** The declaration's fields, by the service's names, and their labels (the error summary names them so). */
    private static final Map<String, String> CHAMPS = champs();

    private static Map<String, String> champs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("identifiantRpls", "Identifiant RPLS");
        m.put("bailleur", "Bailleur");
        m.put("adresse", "Adresse");
        m.put("commune", "Commune");
        m.put("typologie", "Type");
        m.put("surface", "Surface habitable");
        m.put("etage", "Étage");
        m.put("ascenseur", "Ascenseur");
        m.put("accessibilite", "Accessibilité");
        m.put("loyer", "Loyer mensuel hors charges");
        m.put("charges", "Charges mensuelles");
        m.put("financement", "Financement");
        m.put("reservataire", "Réservataire");
        m.put("reservataire.type", "Réservataire");
        m.put("reservataire.organisation", "Organisation réservataire");
        m.put("dateDisponibilite", "Disponible le");
        m.put("logement", "Logement");
        return Map.copyOf(m);
    }

    private final List<LogementsService> logements;
    private final List<RapprochementService> rapprochement;
    private final List<CandidaturesService> candidatures;
    private final Garde garde;
    private final Vues vues;

    @Context
    private HttpServletRequest requete;

    public LogementsPages(List<LogementsService> logements, List<RapprochementService> rapprochement,
                          List<CandidaturesService> candidatures, Garde garde, Vues vues) {
        this.logements = logements;
        this.rapprochement = rapprochement;
        this.candidatures = candidatures;
        this.garde = garde;
        this.vues = vues;
    }

    /** Why the user may not see these pages: no session, the capability absent, no role that reads dwellings. */
    private Response refus(Optional<Agent> a, String ici, boolean declarer) {
        if (a.isEmpty()) {
            return garde.versConnexion(ici);
        }
        if (logements.isEmpty() || rapprochement.isEmpty() || candidatures.isEmpty()) {
            return vues.message("Attribution indisponible", "La gestion des logements offerts n'est pas installée sur"
                    + " ce hub (fonctionnalité registre-attribution).", a.get().session(), a.get().droits(), 503);
        }
        DroitsAttribution d = vues.droitsAttribution(a.get().session().identite());
        if (!d.consulter() || declarer && !d.declarer()) {
            return vues.refus(a.get(), declarer ? "la déclaration d'un logement" : "la consultation des logements"
                    + " offerts (rôles bailleur, gestionnaire ou guichet réservataire)");
        }
        return null;
    }

    // ------------------------------------------------------------------ the list

    @GET
    public Response liste(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("statut") String statut,
                          @QueryParam("commune") String commune, @QueryParam("info") String info) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/logements", false);
        if (r != null) {
            return r;
        }
        Map<String, Object> m = vues.modele("Logements offerts", "logements", a.get().session(), a.get().droits());
        Map<String, String> erreurs = new LinkedHashMap<>();
        StatutOffre s = code(StatutOffre.class, statut, "statut", erreurs);
        Map<String, List<String>> valeurs = new HashMap<>();
        if (texte(statut) != null) {
            valeurs.put("statut", List.of(statut.strip()));
        }
        if (texte(commune) != null) {
            valeurs.put("commune", List.of(commune.strip()));
        }
        m.put("valeurs", valeurs);
        m.put("statuts", choix(StatutOffre.values()));
        m.put("declarer", vues.droitsAttribution(a.get().session().identite()).declarer());
        List<Map<String, String>> lignes = new ArrayList<>();
        if (erreurs.isEmpty()) {
            try {
                for (LogementOffert l : logements.get(0).logements(s, texte(commune), a.get().contexte())) {
                    lignes.add(resume(l));
                }
            } catch (DemandeInvalideException e) {
                erreurs.putAll(DemandesPages.erreurs(e.getErreurs()));
            } catch (RegistreException e) {
                return vues.erreur(a.get(), e, "Logement introuvable");
            }
        }
        m.put("erreurs", erreurs);
        m.put("logements", lignes);
        if (info != null && INFOS.containsKey(info)) {
            m.put("info", INFOS.get(info));
        }
        return vues.page("logements", m, erreurs.isEmpty() ? 200 : 400);
    }

    private static Map<String, String> resume(LogementOffert l) {
        Map<String, String> x = new HashMap<>();
        x.put("rpls", l.identifiantRpls());
        x.put("bailleur", l.bailleur());
        x.put("adresse", l.adresse());
        x.put("commune", l.commune());
        x.put("typologie", Libelles.de(l.typologie()));
        x.put("surface", Nombres.decimal(l.surface()) + " m²");
        x.put("depense", Nombres.euros(l.depenseMensuelle()));
        x.put("loyer", Nombres.euros(l.loyer()));
        x.put("charges", Nombres.euros(l.charges()));
        x.put("financement", Libelles.de(l.financement()));
        x.put("reservataire", Libelles.de(l.reservataire().type()) + " (" + l.reservataire().organisation() + ")");
        x.put("disponibilite", Vues.date(l.dateDisponibilite()));
        x.put("statut", Libelles.de(l.statut()));
        x.put("statutCode", l.statut().name());
        x.put("etage", l.etage() == 0 ? "rez-de-chaussée" : l.etage() == -1 ? "demi-sous-sol"
                : l.etage() == 1 ? "1er étage" : l.etage() + "e étage");
        x.put("ascenseur", l.ascenseur() ? "avec ascenseur" : "sans ascenseur");
        // within a sentence: "non accessible", "adapté (PMR)"
        String acces = Libelles.de(l.accessibilite());
        x.put("accessibilite", acces.isEmpty() ? "" : Character.toLowerCase(acces.charAt(0)) + acces.substring(1));
        x.put("territoire", l.territoire());
        return x;
    }

    // ------------------------------------------------------------------ declaration

    @GET
    @Path("nouveau")
    public Response nouveau(@CookieParam(Garde.COOKIE_SESSION) String jeton) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/logements/nouveau", true);
        return r != null ? r : declaration(a.get(), Map.of(), Map.of(), 200);
    }

    @POST
    @Path("nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declarer(@CookieParam(Garde.COOKIE_SESSION) String jeton, MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = garde.refusFormulaire(a, form.getFirst("csrf"), "/logements/nouveau", requete);
        if (r == null) {
            r = refus(a, "/logements/nouveau", true);
        }
        if (r != null) {
            return r;
        }
        Map<String, List<String>> v = new HashMap<>();
        for (String c : CHAMPS.keySet()) {
            String x = texte(form.getFirst(c));
            if (x != null) {
                v.put(c, List.of(x));
            }
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        TypeReservataire type = code(TypeReservataire.class, form.getFirst("reservataire.type"),
                "reservataire.type", erreurs);
        String organisation = texte(form.getFirst("reservataire.organisation"));
        DeclarationLogement d = new DeclarationLogement(texte(form.getFirst("identifiantRpls")),
                texte(form.getFirst("bailleur")), texte(form.getFirst("adresse")), texte(form.getFirst("commune")),
                code(Typologie.class, form.getFirst("typologie"), "typologie", erreurs),
                Saisies.decimal("surface", form.getFirst("surface"), erreurs),
                Saisies.nombre("etage", form.getFirst("etage"), erreurs),
                form.getFirst("ascenseur") == null ? null : "oui".equals(form.getFirst("ascenseur")),
                code(Accessibilite.class, form.getFirst("accessibilite"), "accessibilite", erreurs),
                Saisies.decimal("loyer", form.getFirst("loyer"), erreurs),
                Saisies.decimal("charges", form.getFirst("charges"), erreurs),
                code(Financement.class, form.getFirst("financement"), "financement", erreurs),
                type == null && organisation == null ? null : new Reservataire(type, organisation),
                Saisies.date("dateDisponibilite", form.getFirst("dateDisponibilite"), erreurs));
        if (!erreurs.isEmpty()) {
            return declaration(a.get(), v, erreurs, 400);
        }
        try {
            LogementOffert l = logements.get(0).declarer(d, a.get().contexte());
            return vues.vers("/logements/" + l.identifiantRpls() + "?info=declare").build();
        } catch (DemandeInvalideException e) {
            return declaration(a.get(), v, DemandesPages.erreurs(e.getErreurs()), 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Logement introuvable");
        }
    }

    private Response declaration(Agent a, Map<String, List<String>> v, Map<String, String> erreurs, int statut) {
        Map<String, Object> m = vues.modele("Déclarer un logement", "logements", a.session(), a.droits());
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        m.put("libellesErreurs", CHAMPS);
        m.put("typologies", choix(Typologie.values()));
        m.put("accessibilites", choix(Accessibilite.values()));
        m.put("financements", choix(Financement.values()));
        m.put("typesReservataire", choix(TypeReservataire.values()));
        // a landlord declares its own dwellings: the field is asked of a gestionnaire only
        m.put("bailleurDemande", !a.session().identite().a(Role.BAILLEUR));
        return vues.page("logement-declaration", m, statut);
    }

    // ------------------------------------------------------------------ a dwelling

    @GET
    @Path(RPLS)
    public Response logement(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("rpls") String rpls,
                             @QueryParam("info") String info) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/logements/" + rpls, false);
        if (r != null) {
            return r;
        }
        try {
            return fiche(a.get(), rpls, Map.of(), Map.of(), info == null ? null : INFOS.get(info), 200);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Logement introuvable");
        }
    }

    private Response fiche(Agent a, String rpls, Map<String, List<String>> v, Map<String, String> erreurs,
                           String info, int statut) {
        LogementsService service = logements.get(0);
        LogementOffert l = service.logement(rpls, a.contexte());
        ActionsLogement actions = service.actions(l, a.contexte());
        Map<String, Object> m = vues.modele("Logement " + l.identifiantRpls(), "logements", a.session(), a.droits());
        m.put("l", resume(l));
        m.put("actions", actions);
        m.put("commissions", vues.droitsAttribution(a.session().identite()).commissions());
        List<Candidature> c = candidatures.get(0).candidatures(l.identifiantRpls(), a.contexte());
        m.put("candidatures", candidatures(c));
        m.put("enCours", c.stream().filter(x -> x.statut().enCours()).count());
        m.put("proposees", c.stream().anyMatch(x -> x.statut() == org.registrehub.api.attribution.StatutCandidature
                .PROPOSEE));
        m.put("lireDemandes", a.droits().lire());
        List<Map<String, String>> h = new ArrayList<>();
        List<EvenementLogement> historique = new ArrayList<>(service.historique(l.identifiantRpls(), a.contexte()));
        java.util.Collections.reverse(historique);
        for (EvenementLogement e : historique) {
            h.add(Map.of("quand", Vues.dateHeure(e.horodatage()), "qui", e.acteur() + (e.organisation() == null ? ""
                    : " (" + e.organisation() + ")"), "canal", Libelles.de(e.canal()), "operation",
                    Libelles.de("OperationLogement", e.operation()), "statut", Libelles.de(e.statut()), "details",
                    e.details() == null ? "" : e.details()));
        }
        m.put("historique", h);
        m.put("libellesErreurs", Map.of("motif", "Motif du retrait"));
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        if (info != null) {
            m.put("info", info);
        }
        return vues.page("logement", m, statut);
    }

    private static List<Map<String, Object>> candidatures(List<Candidature> l) {
        List<Map<String, Object>> r = new ArrayList<>();
        for (Candidature c : l) {
            Map<String, Object> x = new HashMap<>();
            x.put("rang", c.rang());
            x.put("numero", c.numeroUnique());
            x.put("statut", Libelles.de(c.statut()));
            x.put("enCours", c.statut().enCours());
            x.put("par", c.designePar() + " (" + c.acteur() + ", " + Libelles.de(c.canal()) + ")");
            x.put("quand", Vues.dateHeure(c.horodatage()));
            x.put("ailleurs", String.join(", ", c.designeeAilleurs()));
            r.add(x);
        }
        return r;
    }

    @POST
    @Path(RPLS + "/retrait")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retirer(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("rpls") String rpls,
                            MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = garde.refusFormulaire(a, form.getFirst("csrf"), "/logements/" + rpls, requete);
        if (r == null) {
            r = refus(a, "/logements/" + rpls, false);
        }
        if (r != null) {
            return r;
        }
        String motif = texte(form.getFirst("motif"));
        try {
            logements.get(0).retirer(rpls, motif, a.get().contexte());
            return vues.vers("/logements/" + rpls + "?info=retire").build();
        } catch (DemandeInvalideException e) {
            return fiche(a.get(), rpls, motif == null ? Map.of() : Map.of("motif", List.of(motif)),
                    DemandesPages.erreurs(e.getErreurs()), null, 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Logement introuvable");
        }
    }

    // ------------------------------------------------------------------ candidates and designation

    @GET
    @Path(RPLS + "/candidats")
    public Response candidats(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("rpls") String rpls,
                              @QueryParam("limite") String limite) {
        Optional<Agent> a = garde.agent(jeton);
        Response r = refus(a, "/logements/" + rpls + "/candidats", false);
        if (r != null) {
            return r;
        }
        try {
            return candidats(a.get(), rpls, limite(limite), Map.of(), Map.of(), 200);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Logement introuvable");
        }
    }

    private static int limite(String s) {
        long n = Saisies.entier(s);
        return n < 1 ? LIMITE_DEFAUT : (int) Math.min(n, RapprochementService.LIMITE_MAX);
    }

    private Response candidats(Agent a, String rpls, int limite, Map<String, List<String>> v,
                               Map<String, String> erreurs, int statut) {
        LogementsService service = logements.get(0);
        Rapprochement rp = rapprochement.get(0).rapprocher(rpls, limite, a.contexte());
        LogementOffert l = rp.logement();
        ActionsLogement actions = service.actions(l, a.contexte());
        List<Candidature> existantes = candidatures.get(0).candidatures(l.identifiantRpls(), a.contexte());
        long enCours = existantes.stream().filter(c -> c.statut().enCours()).count();
        Map<String, Object> m = vues.modele("Candidats pour le logement " + l.identifiantRpls(), "logements",
                a.session(), a.droits());
        m.put("l", resume(l));
        m.put("limite", limite);
        m.put("limites", List.of(10, 20, 50, 100, RapprochementService.LIMITE_MAX));
        m.put("eligibles", (rp.auMoins() ? "au moins " : "") + Nombres.entier(rp.eligibles()));
        m.put("plafond", plafond(rp.plafond()));
        m.put("regles", regles(rp.regles()));
        java.util.Set<String> dejaLa = existantes.stream().map(Candidature::numeroUnique)
                .collect(Collectors.toSet());
        List<Map<String, Object>> lignes = new ArrayList<>();
        for (CandidatRapproche c : rp.candidats()) {
            Map<String, Object> x = new HashMap<>();
            x.put("rang", c.rang());
            x.put("numero", c.numeroUnique());
            x.put("depot", Vues.dateCourte(c.dateDepot()));
            x.put("rangCommune", c.rangCommune());
            x.put("menage", c.tailleMenage() + (c.tailleMenage() > 1 ? " personnes" : " personne"));
            x.put("ressources", c.ressourcesMensuelles() == null ? "—" : Nombres.euros(c.ressourcesMensuelles()));
            x.put("tauxEffort", c.tauxEffort() == null ? "—" : Nombres.decimal(c.tauxEffort()) + " %");
            x.put("resteAVivre", c.resteAVivreParUc() == null ? "—" : Nombres.euros(c.resteAVivreParUc()));
            x.put("priorites", String.join(", ", c.priorites()));
            x.put("dalo", c.dalo());
            x.put("points", c.points());
            x.put("mutation", c.mutation());
            x.put("dejaCandidat", dejaLa.contains(c.numeroUnique()));
            List<Map<String, String>> constats = new ArrayList<>();
            for (Constat k : c.constats()) {
                constats.add(Map.of("critere", k.critere().libelle(), "verdict", Libelles.de(k.verdict()),
                        "verdictCode", k.verdict().name(), "eliminatoire", k.eliminatoire() ? "éliminatoire" : "",
                        "explication", k.explication()));
            }
            x.put("constats", constats);
            x.put("aVerifier", c.constats().stream().anyMatch(k -> k.verdict() == Verdict.A_VERIFIER));
            lignes.add(x);
        }
        m.put("candidats", lignes);
        Map<String, String> libelles = new HashMap<>(Map.of("candidats", "Candidats", "motifMoinsDeTrois",
                "Motif si moins de trois candidats", "commentaire", "Commentaire"));
        for (int i = 0; i < rp.candidats().size(); i++) {
            String n = rp.candidats().get(i).numeroUnique();
            libelles.put("candidats[" + i + "].rang", "Rang de la demande " + n);
            libelles.put("candidats[" + i + "].numeroUnique", "Demande " + n);
        }
        m.put("libellesErreurs", libelles);
        m.put("designer", actions.designer() && enCours < CandidaturesService.CANDIDATS_MAX);
        m.put("enCours", enCours);
        m.put("places", CandidaturesService.CANDIDATS_MAX - enCours);
        m.put("rangsPris", existantes.stream().filter(c -> c.statut().enCours()).map(Candidature::rang).toList());
        m.put("motifs", choix(MotifMoinsDeTrois.values()));
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        return vues.page("candidats", m, statut);
    }

    /** The income ceilings applied, in words. */
    static String plafond(PlafondApplique p) {
        if (p == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("Plafonds de ressources ").append(p.financement().name()).append(' ')
                .append(p.annee()).append(" (zone ").append(p.zone()).append(") : ");
        for (int i = 0; i < p.categories().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(i + 1).append(i == 0 ? " personne " : " personnes ")
                    .append(Nombres.euros(java.math.BigDecimal.valueOf(p.categories().get(i))));
        }
        return b.append(" ; ").append(Nombres.euros(java.math.BigDecimal.valueOf(p.supplement())))
                .append(" par personne au-delà de six (revenu fiscal de référence N-2).").toString();
    }

    /** The territory's matching rules, in words. */
    static String regles(ReglesRapprochement r) {
        if (r == null) {
            return "";
        }
        String eliminatoires = r.eliminatoires().stream().sorted().map(c -> c.libelle().toLowerCase(
                java.util.Locale.FRANCE)).collect(Collectors.joining(", "));
        String classement = r.classement().stream().map(Libelles::de).collect(Collectors.joining(", puis "));
        return "Règles du département " + r.territoire() + " : critères éliminatoires — " + (eliminatoires.isEmpty()
                ? "aucun" : eliminatoires) + " ; taux d'effort au plus " + Nombres.decimal(r.tauxEffortMax())
                + " %, reste à vivre au moins " + Nombres.euros(r.resteAVivreMin()) + " par unité de consommation ;"
                + " classement : " + classement + ".";
    }

    @POST
    @Path(RPLS + "/designation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response designer(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("rpls") String rpls,
                             MultivaluedMap<String, String> form) {
        Optional<Agent> a = garde.agent(jeton);
        String ici = "/logements/" + rpls + "/candidats";
        Response r = garde.refusFormulaire(a, form.getFirst("csrf"), ici, requete);
        if (r == null) {
            r = refus(a, ici, false);
        }
        if (r != null) {
            return r;
        }
        int limite = limite(form.getFirst("limite"));
        Map<String, List<String>> v = new HashMap<>();
        Map<String, String> erreurs = new LinkedHashMap<>();
        List<CandidatDesigne> choisis = new ArrayList<>();
        // the form's row of each candidate sent: the service's errors name the candidate by its place in the list
        List<Integer> lignes = new ArrayList<>();
        for (int i : Saisies.lignes(form, "candidats")) {
            String numero = texte(form.getFirst("candidats[" + i + "].numeroUnique"));
            String rang = texte(form.getFirst("candidats[" + i + "].rang"));
            if (rang != null) {
                v.put("candidats[" + i + "].rang", List.of(rang));
                Integer n = Saisies.nombre("candidats[" + i + "].rang", rang, erreurs);
                choisis.add(new CandidatDesigne(numero, n));
                lignes.add(i);
            }
        }
        MotifMoinsDeTrois motif = code(MotifMoinsDeTrois.class, form.getFirst("motifMoinsDeTrois"),
                "motifMoinsDeTrois", erreurs);
        String commentaire = texte(form.getFirst("commentaire"));
        if (motif != null) {
            v.put("motifMoinsDeTrois", List.of(motif.name()));
        }
        if (commentaire != null) {
            v.put("commentaire", List.of(commentaire));
        }
        try {
            if (erreurs.isEmpty()) {
                candidatures.get(0).designer(rpls, new Designation(choisis, motif, commentaire), a.get().contexte());
                return vues.vers("/logements/" + rpls + "?info=designes").build();
            }
            return candidats(a.get(), rpls, limite, v, erreurs, 400);
        } catch (DemandeInvalideException e) {
            return candidats(a.get(), rpls, limite, v, Saisies.parLigne(e.getErreurs(), "candidats", lignes), 400);
        } catch (RegistreException e) {
            return vues.erreur(a.get(), e, "Logement introuvable");
        }
    }
}
