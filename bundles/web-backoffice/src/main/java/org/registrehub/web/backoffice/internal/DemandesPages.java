package org.registrehub.web.backoffice.internal;

import static org.registrehub.web.backoffice.internal.Saisies.choix;
import static org.registrehub.web.backoffice.internal.Saisies.code;
import static org.registrehub.web.backoffice.internal.Saisies.entier;
import static org.registrehub.web.backoffice.internal.Saisies.texte;

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
import javax.ws.rs.core.UriInfo;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.ActionsDemande;
import org.registrehub.api.Attribution;
import org.registrehub.api.AttestationService;
import org.registrehub.api.AttributionService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Libelles;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.ResumeDemande;
import org.registrehub.api.Statut;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.dossier.ContenuPiece;
import org.registrehub.api.dossier.Piece;
import org.registrehub.api.dossier.PiecesService;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.web.commun.FormulaireDemande;
import org.registrehub.web.commun.Http;
import org.registrehub.web.commun.LibellesChamps;
import org.registrehub.web.commun.Listes;
import org.registrehub.web.commun.Nombres;

/**
 * The guichet agent's pages on demands: search, a demand's dossier (history in plain words, documents, attestation),
 * registration (the CERFA form, presumed duplicates confirmed with a justification), modification with optimistic
 * locking (a concurrent change is explained and what the agent typed is kept), renewal, radiation (the fields each
 * reason requires), reactivation. Every action is the register's, with the agent's identity and the channel WEB.
 */
@Path("/demandes")
@Produces(Vues.HTML)
public class DemandesPages {

    private static final Map<String, String> INFOS = Map.of(
            "enregistree", "La demande est enregistrée : son numéro unique est attribué.",
            "modifiee", "La modification est enregistrée.",
            "renouvelee", "La demande est renouvelée pour un an.",
            "radiee", "La demande est radiée.",
            "reactivee", "La demande est réactivée pour un an.");

    /** The radiation form's fields, named by the register's paths (so that its errors land beside them). */
    static final String MOTIF = "radiation.motif";
    static final String BAILLEUR = "radiation.attribution.bailleur";
    static final String RPLS = "radiation.attribution.identifiantRpls";
    static final String RESERVATAIRE = "radiation.attribution.reservataire";
    static final String DALO = "radiation.attribution.dalo";
    static final String IRRECEVABILITE = "radiation.motifIrrecevabilite";
    static final String COMMENTAIRE = "radiation.commentaire";

    private final RegistreService registre;
    private final List<AttestationService> attestations;
    private final List<PiecesService> pieces;
    /** The landlords' follow-up of a demand (proposals, commission decisions, refusals), when installed. */
    private final List<AttributionService> suivis;
    private final JsonCodec json;
    private final Garde garde;
    private final Vues vues;
    private final int taillePage;

    @Context
    private HttpServletRequest requete;
    @Context
    private UriInfo uri;

    public DemandesPages(RegistreService registre, List<AttestationService> attestations, List<PiecesService> pieces,
                         List<AttributionService> suivis, JsonCodec json, Garde garde, Vues vues, int taillePage) {
        this.registre = registre;
        this.suivis = suivis;
        this.attestations = attestations;
        this.pieces = pieces;
        this.json = json;
        this.garde = garde;
        this.vues = vues;
        this.taillePage = Math.max(1, Math.min(100, taillePage));
    }

    private Optional<Agent> agent(String jeton) {
        return garde.agent(jeton);
    }

    private String ici() {
        return uri == null ? "/" : "/" + uri.getPath(false).replaceFirst("^/", "")
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
    }

    // ------------------------------------------------------------------ search

    @GET
    public Response rechercher(@CookieParam(Garde.COOKIE_SESSION) String jeton) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        if (!a.get().droits().lire()) {
            return refus(a.get(), "la recherche de demandes");
        }
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Recherche r = new Recherche(q);
        Map<String, Object> m = vues.modele("Rechercher une demande", "demandes", a.get().session(), a.get().droits());
        m.put("valeurs", r.valeurs);
        m.put("listes", Listes.TOUTES);
        m.put("statuts", choix(Statut.values()));
        m.put("tris", List.of(Map.of("code", "DATE_DEPOT", "libelle", "Date de dépôt"),
                Map.of("code", "DATE_VALIDITE", "libelle", "Fin de validité"), Map.of("code", "NOM", "libelle", "Nom"),
                Map.of("code", "NUMERO_UNIQUE", "libelle", "Numéro unique")));
        if (!r.erreurs.isEmpty()) {
            m.put("erreurs", r.erreurs);
            return vues.page("recherche", m, 400);
        }
        try {
            PageDemandes p = registre.rechercher(r.criteres, r.tri, r.page, taillePage, a.get().contexte());
            m.put("resultats", resultats(p.demandes()));
            m.put("total", p.totalExact() ? Nombres.entier(p.total()) : "plus de " + Nombres.entier(p.total()));
            m.put("nombre", p.total());
            m.put("page", p.page());
            long pages = (p.total() + taillePage - 1) / taillePage;
            m.put("pages", pages);
            String base = Recherche.requete(r.criteres) + "&tri=" + r.tri.champ().name() + "&ordre="
                    + (r.tri.croissant() ? "asc" : "desc");
            m.put("lienPage", "/demandes?" + base.replaceFirst("^&", "") + "&page=");
            m.put("suivante", p.demandes().size() == taillePage && (long) (p.page() + 1) * taillePage
                    < PageDemandes.TOTAL_MAX);
        } catch (DemandeInvalideException e) {
            m.put("erreurs", erreurs(e.getErreurs()));
            return vues.page("recherche", m, 400);
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
        return vues.page("recherche", m);
    }

    private static List<Map<String, String>> resultats(List<ResumeDemande> l) {
        List<Map<String, String>> r = new ArrayList<>();
        for (ResumeDemande d : l) {
            Map<String, String> x = new LinkedHashMap<>();
            x.put("numero", d.numeroUnique());
            x.put("nom", d.nom() + " " + (d.prenoms() == null ? "" : d.prenoms()));
            x.put("naissance", Vues.dateCourte(d.dateNaissance()));
            x.put("statut", Libelles.de(d.statut()));
            x.put("commune", d.commune() == null ? "" : d.commune());
            x.put("typologie", Libelles.de(d.typologie()));
            x.put("depot", Vues.dateCourte(d.dateDepot()));
            x.put("validite", Vues.dateCourte(d.dateValidite()));
            x.put("guichet", d.guichet());
            r.add(x);
        }
        return r;
    }

    // ------------------------------------------------------------------ a demand's dossier

    @GET
    @Path("{numero: [0-9A-Z]{18}}")
    public Response dossier(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                            @QueryParam("info") String info) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        try {
            Demande d = lire(a.get(), numero);
            Map<String, Object> m = vues.modele("Demande n° " + numero, "demandes", a.get().session(),
                    a.get().droits());
            resume(m, d, a.get());
            m.put("sections", sections(d.dossier()));
            m.put("historique", historique(registre.historique(numero, a.get().contexte())));
            m.put("piecesInstallees", !pieces.isEmpty());
            if (!pieces.isEmpty()) {
                m.put("pieces", pieces(pieces.get(0).pieces(numero, a.get().contexte())));
            }
            m.put("attestationInstallee", !attestations.isEmpty());
            m.put("suivi", suivis.isEmpty() ? List.of() : suivi(suivis.get(0).suivi(numero, a.get().contexte())));
            if (info != null && INFOS.containsKey(info)) {
                m.put("info", INFOS.get(info));
            }
            return vues.page("dossier", m);
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    /** The follow-up by the landlords, the latest first, in words. */
    static List<Map<String, String>> suivi(List<SuiviAttribution> l) {
        List<Map<String, String>> r = new ArrayList<>();
        for (SuiviAttribution x : l) {
            StringBuilder quoi = new StringBuilder(Libelles.de(x.nature()));
            if (x.decision() != null) {
                quoi.append(" : ").append(Libelles.de(x.decision()));
            }
            if (x.motifIrrecevabilite() != null) {
                quoi.append(" (").append(Libelles.de(x.motifIrrecevabilite())).append(')');
            }
            if (x.condition() != null) {
                quoi.append(" — condition : ").append(x.condition());
            }
            r.add(0, Map.of("date", Vues.date(x.date()), "quoi", quoi.toString(), "logement",
                    x.identifiantRpls() == null ? "" : x.identifiantRpls(), "bailleur", x.bailleur() == null ? ""
                    : x.bailleur(), "rang", x.rang() == null ? "" : String.valueOf(x.rang()), "commentaire",
                    x.commentaire() == null ? "" : x.commentaire(), "par", x.acteur() + " (" + Libelles.de(x.canal())
                    + ")"));
        }
        return r;
    }

    private Demande lire(Agent a, String numero) {
        return registre.consulter(numero, a.contexte()).orElseThrow(() -> new DemandeIntrouvableException(numero));
    }

    /** The demand's state and the actions the register allows this agent on it. */
    private void resume(Map<String, Object> m, Demande d, Agent a) {
        ActionsDemande actions = registre.actions(d, a.contexte());
        m.put("numero", d.numeroUnique());
        m.put("version", d.version());
        m.put("demandeur", d.dossier().demandeur().nom() + " " + d.dossier().demandeur().prenoms());
        m.put("statut", Libelles.de(d.statut()));
        m.put("active", d.statut() == Statut.ACTIVE);
        m.put("radiation", d.radiation() == null ? "" : Libelles.de(d.radiation().motif()) + " le "
                + Vues.date(d.radiation().date()));
        m.put("depot", Vues.date(d.dateDepot()));
        m.put("validite", Vues.date(d.dateValidite()));
        m.put("renouvellement", Vues.date(d.dateDernierRenouvellement()));
        m.put("guichet", d.guichet());
        m.put("territoire", d.territoire());
        m.put("actions", actions);
        m.put("limiteReactivation", Vues.date(actions.limiteReactivation()));
    }

    /** The dossier's fields, in the form's sections, with their labels and their values in words. */
    private List<Map<String, Object>> sections(Dossier d) {
        Map<String, List<String>> v = FormulaireDemande.valeurs(d, json);
        List<Map<String, Object>> l = new ArrayList<>();
        for (FormulaireDemande.Etape e : FormulaireDemande.ETAPES) {
            if (e.prefixes().isEmpty()) {
                continue;
            }
            List<Map<String, String>> champs = new ArrayList<>();
            Map<String, List<String>> ordonnees = new java.util.TreeMap<>(LibellesChamps.ORDRE);
            ordonnees.putAll(v);
            ordonnees.forEach((champ, valeurs) -> {
                if (e.possede(champ)) {
                    List<String> mots = valeurs.stream().map(x -> LibellesChamps.valeur(champ, x)).toList();
                    champs.add(Map.of("libelle", LibellesChamps.libelle(champ), "valeur", String.join(", ", mots)));
                }
            });
            l.add(Map.of("titre", titreSection(e.numero()), "champs", champs));
        }
        return l;
    }

    private static String titreSection(int n) {
        return switch (n) {
            case 1 -> "Le demandeur";
            case 2 -> "Coordonnées";
            case 3 -> "Le foyer";
            case 4 -> "Ressources";
            case 5 -> "Logement actuel et motifs";
            default -> "Logement recherché";
        };
    }

    /** Each change in plain words: "Adresse : « 3 rue … » → « 5 rue … »". */
    static List<Map<String, Object>> historique(List<EntreeHistorique> h) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (int i = h.size() - 1; i >= 0; i--) {
            EntreeHistorique e = h.get(i);
            List<Map<String, String>> changements = new ArrayList<>();
            if (e.changements() != null) {
                for (org.registrehub.api.Changement c : e.changements()) {
                    changements.add(Map.of("champ", LibellesChamps.libelle(c.champ()),
                            "avant", LibellesChamps.valeur(c.champ(), c.avant()),
                            "apres", LibellesChamps.valeur(c.champ(), c.apres())));
                }
            }
            Map<String, Object> x = new HashMap<>();
            x.put("quand", Vues.dateHeure(e.horodatage()));
            x.put("operation", Libelles.de(e.operation()));
            x.put("acteur", e.acteur());
            x.put("canal", Libelles.de(e.canal()));
            x.put("version", e.version());
            x.put("commentaire", e.commentaire() == null ? "" : e.commentaire());
            x.put("changements", changements);
            l.add(x);
        }
        return l;
    }

    private static List<Map<String, String>> pieces(List<Piece> l) {
        List<Map<String, String>> r = new ArrayList<>();
        for (Piece p : l) {
            r.add(Map.of("id", String.valueOf(p.id()), "categorie", p.categorie().libelle(), "nom", p.nomFichier(),
                    "taille", Nombres.entier(Math.max(1, p.taille() / 1024)) + " Kio", "depose",
                    Vues.dateHeure(p.deposeLe()), "par", p.deposePar() == null ? "" : p.deposePar()));
        }
        return r;
    }

    @GET
    @Path("{numero: [0-9A-Z]{18}}/attestation")
    @Produces({AttestationService.MEDIA_TYPE, Vues.HTML})
    public Response attestation(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        try {
            byte[] pdf = AttestationService.parmi(attestations).attestation(numero, a.get().contexte());
            return Response.ok(pdf, AttestationService.MEDIA_TYPE).header("Cache-Control", "no-store")
                    .header("Content-Disposition", "inline; filename=\"attestation-" + numero + ".pdf\"").build();
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    @GET
    @Path("{numero: [0-9A-Z]{18}}/pieces/{id: [0-9]{1,18}}")
    @Produces({MediaType.WILDCARD})
    public Response piece(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                          @PathParam("id") long id) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        if (pieces.isEmpty()) {
            return vues.message("Dossier unique absent", "Le dossier unique n'est pas installé sur ce hub"
                    + " (fonctionnalité registre-dossier-unique).", a.get().session(), a.get().droits(), 503);
        }
        try {
            ContenuPiece c = pieces.get(0).lire(numero, id, a.get().contexte());
            return Response.ok(c.contenu(), c.piece().typeMedia()).header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment; filename=\"piece-" + id + extension(c.piece()) + "\"")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    private static String extension(Piece p) {
        return switch (p.typeMedia()) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }

    // ------------------------------------------------------------------ registration

    @GET
    @Path("nouvelle")
    public Response nouvelle(@CookieParam(Garde.COOKIE_SESSION) String jeton) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        if (!a.get().droits().enregistrer()) {
            return refus(a.get(), "l'enregistrement d'une demande");
        }
        Map<String, List<String>> v = new HashMap<>();
        String guichet = a.get().session().identite().organisation().guichet();
        if (guichet != null) {
            v.put("guichet", List.of(guichet));
        }
        return formulaire(a.get(), "nouvelle", null, v, Map.of(), 200);
    }

    @POST
    @Path("nouvelle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enregistrer(@CookieParam(Garde.COOKIE_SESSION) String jeton,
                                MultivaluedMap<String, String> form) {
        Optional<Agent> a = agent(jeton);
        Response refus = garde.refusFormulaire(a, form.getFirst("csrf"), "/demandes/nouvelle", requete);
        if (refus != null) {
            return refus;
        }
        Map<String, List<String>> v = saisie(form);
        String guichet = guichet(a.get(), form.getFirst("guichet"));
        String justification = texte(form.getFirst("justificationDoublon"));
        // what the form shows again: the dossier's fields, the guichet and the justification
        Map<String, List<String>> affiche = new HashMap<>(v);
        if (guichet != null) {
            affiche.put("guichet", List.of(guichet));
        }
        if (justification != null) {
            affiche.put("justificationDoublon", List.of(justification));
        }
        String action = form.getFirst("action");
        if ("ajouter-personne".equals(action) || "ajouter-ressource".equals(action)) {
            return formulaire(a.get(), "nouvelle", null, affiche, lignesEnPlus(v, action), 200);
        }
        v = affiche;
        try {
            Dossier dossier = FormulaireDemande.dossier(saisie(form), json);
            Demande d = registre.enregistrer(new NouvelleDemande(guichet == null ? "" : guichet, dossier,
                    justification), a.get().contexte());
            return vues.vers("/demandes/" + d.numeroUnique() + "?info=enregistree").build();
        } catch (DemandeInvalideException e) {
            return formulaire(a.get(), "nouvelle", null, v, Map.of("erreurs", erreurs(e.getErreurs())), 400);
        } catch (DoublonPresumeException e) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("doublons", e.getDoublons().stream().map(x -> Map.of("numero", x.numeroUnique(),
                    "critere", org.registrehub.api.Doublon.NIR.equals(x.critere()) ? "même numéro de sécurité sociale"
                            : "mêmes nom, prénom et date de naissance", "guichet", x.guichet(),
                    "depot", Vues.date(x.dateDepot()))).toList());
            extra.put("doublonsAilleurs", e.getAilleurs().stream().mapToInt(x -> x.nombre()).sum());
            if (justification != null) {
                extra.put("erreurs", Map.of("justificationDoublon", "la justification ne suffit pas : "
                        + e.getMessage()));
            }
            return formulaire(a.get(), "nouvelle", null, v, extra, 409);
        } catch (RegistreException e) {
            return formulaireAvecAlerte(a.get(), "nouvelle", null, v, e);
        }
    }

    /** The guichet a registration is made under: the agent's own, or (a gestionnaire) the one typed. */
    private static String guichet(Agent a, String saisi) {
        String propre = a.session().identite().organisation().guichet();
        if (!a.droits().tousGuichets() || saisi == null || saisi.isBlank()) {
            return propre;
        }
        return saisi.strip().toUpperCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ modification

    @GET
    @Path("{numero: [0-9A-Z]{18}}/modifier")
    public Response modification(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        try {
            Demande d = lire(a.get(), numero);
            if (!registre.actions(d, a.get().contexte()).modifier()) {
                return refus(a.get(), "la modification de cette demande");
            }
            return formulaire(a.get(), "modifier", d, FormulaireDemande.valeurs(d.dossier(), json), Map.of(), 200);
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    @POST
    @Path("{numero: [0-9A-Z]{18}}/modifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response modifier(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                             MultivaluedMap<String, String> form) {
        Optional<Agent> a = agent(jeton);
        Response refus = garde.refusFormulaire(a, form.getFirst("csrf"), "/demandes/" + numero + "/modifier", requete);
        if (refus != null) {
            return refus;
        }
        Map<String, List<String>> v = saisie(form);
        long version = entier(form.getFirst("version"));
        try {
            Demande d = lire(a.get(), numero);
            Demande telle = avecVersion(d, version);
            String action = form.getFirst("action");
            if ("ajouter-personne".equals(action) || "ajouter-ressource".equals(action)) {
                return formulaire(a.get(), "modifier", telle, v, lignesEnPlus(v, action), 200);
            }
            try {
                registre.modifier(numero, version, FormulaireDemande.dossier(v, json), a.get().contexte());
                return vues.vers("/demandes/" + numero + "?info=modifiee").build();
            } catch (DemandeInvalideException e) {
                return formulaire(a.get(), "modifier", telle, v, Map.of("erreurs", erreurs(e.getErreurs())), 400);
            } catch (VersionObsoleteException e) {
                return conflit(a.get(), numero, version, v);
            }
        } catch (RegistreException e) {
            return formulaireAvecAlerte(a.get(), "modifier", null, v, e);
        }
    }

    /**
     * Someone changed the demand meanwhile: say who and what, and show the form again with both sides' changes
     * merged (the agent's typing kept, the other's changes taken where the agent did not touch the field, a field
     * both changed flagged beside it), on the version now current.
     */
    private Response conflit(Agent a, String numero, long versionLue, Map<String, List<String>> saisie) {
        Demande actuelle = lire(a, numero);
        List<EntreeHistorique> depuis = registre.historique(numero, a.contexte()).stream()
                .filter(h -> h.version() > versionLue).toList();
        List<org.registrehub.api.Changement> changements = depuis.stream().flatMap(h -> h.changements() == null
                ? java.util.stream.Stream.<org.registrehub.api.Changement>empty() : h.changements().stream()).toList();
        Fusion f = Fusion.de(FormulaireDemande.valeursAvant(actuelle.dossier(), changements, json),
                FormulaireDemande.valeurs(actuelle.dossier(), json), saisie);
        Map<String, Object> extra = new HashMap<>();
        extra.put("conflit", historique(depuis));
        extra.put("versionLue", versionLue);
        extra.put("erreurs", f.conflits());
        extra.put("repris", f.repris().stream().map(LibellesChamps::libelle).toList());
        if (actuelle.statut() != Statut.ACTIVE) {
            extra.put("alerte", "La demande n'est plus active (" + Libelles.de(actuelle.statut()) + ") : elle ne peut"
                    + " plus être modifiée.");
        }
        return formulaire(a, "modifier", actuelle, f.valeurs(), extra, 409);
    }

    private static Demande avecVersion(Demande d, long version) {
        return new Demande(d.numeroUnique(), d.statut(), d.guichet(), d.territoire(), d.dateDepot(), d.dateValidite(),
                d.dateDernierRenouvellement(), d.radiation(), version, d.dossier());
    }

    // ------------------------------------------------------------------ renewal, radiation, reactivation

    @POST
    @Path("{numero: [0-9A-Z]{18}}/renouveler")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renouveler(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                               MultivaluedMap<String, String> form) {
        return transition(jeton, numero, form, "renouvelee",
                (a, version) -> registre.renouveler(numero, version, null, a.contexte()));
    }

    @POST
    @Path("{numero: [0-9A-Z]{18}}/reactiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reactiver(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                              MultivaluedMap<String, String> form) {
        return transition(jeton, numero, form, "reactivee",
                (a, version) -> registre.reactiver(numero, version, a.contexte()));
    }

    private Response transition(String jeton, String numero, MultivaluedMap<String, String> form, String info,
                                java.util.function.BiFunction<Agent, Long, Demande> operation) {
        Optional<Agent> a = agent(jeton);
        Response refus = garde.refusFormulaire(a, form.getFirst("csrf"), "/demandes/" + numero, requete);
        if (refus != null) {
            return refus;
        }
        try {
            operation.apply(a.get(), entier(form.getFirst("version")));
            return vues.vers("/demandes/" + numero + "?info=" + info).build();
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    @GET
    @Path("{numero: [0-9A-Z]{18}}/radier")
    public Response radiation(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero) {
        Optional<Agent> a = agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion(ici());
        }
        try {
            Demande d = lire(a.get(), numero);
            return formulaireRadiation(a.get(), d, Map.of(), Map.of(), 200);
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    @POST
    @Path("{numero: [0-9A-Z]{18}}/radier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response radier(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("numero") String numero,
                           MultivaluedMap<String, String> form) {
        Optional<Agent> a = agent(jeton);
        Response refus = garde.refusFormulaire(a, form.getFirst("csrf"), "/demandes/" + numero + "/radier", requete);
        if (refus != null) {
            return refus;
        }
        Map<String, List<String>> v = new HashMap<>();
        for (String c : List.of(MOTIF, BAILLEUR, RPLS, RESERVATAIRE, DALO, IRRECEVABILITE, COMMENTAIRE)) {
            String x = texte(form.getFirst(c));
            if (x != null) {
                v.put(c, List.of(x));
            }
        }
        long version = entier(form.getFirst("version"));
        Demande d;
        try {
            d = lire(a.get(), numero);
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        MotifRadiation motif = code(MotifRadiation.class, form.getFirst(MOTIF), MOTIF, erreurs);
        MotifIrrecevabilite irrecevabilite = code(MotifIrrecevabilite.class, form.getFirst(IRRECEVABILITE),
                IRRECEVABILITE, erreurs);
        if (!erreurs.isEmpty()) {
            return formulaireRadiation(a.get(), avecVersion(d, version), v, erreurs, 400);
        }
        Attribution attribution = motif == MotifRadiation.ATTRIBUTION ? new Attribution(
                texte(form.getFirst(BAILLEUR)), texte(form.getFirst(RPLS)), texte(form.getFirst(RESERVATAIRE)),
                "true".equals(form.getFirst(DALO))) : null;
        try {
            registre.radier(numero, version, new DemandeRadiation(motif, attribution,
                    motif == MotifRadiation.IRRECEVABILITE ? irrecevabilite : null,
                    texte(form.getFirst(COMMENTAIRE))), a.get().contexte());
            return vues.vers("/demandes/" + numero + "?info=radiee").build();
        } catch (DemandeInvalideException e) {
            return formulaireRadiation(a.get(), avecVersion(d, version), v, erreurs(e.getErreurs()), 400);
        } catch (RegistreException e) {
            return erreur(a.get(), e);
        }
    }

    private Response formulaireRadiation(Agent a, Demande d, Map<String, List<String>> v, Map<String, String> erreurs,
                                         int statut) {
        ActionsDemande actions = registre.actions(d, a.contexte());
        if (!actions.radier()) {
            return refus(a, "la radiation de cette demande");
        }
        Map<String, Object> m = vues.modele("Radier la demande n° " + d.numeroUnique(), "demandes", a.session(),
                a.droits());
        resume(m, d, a);
        m.put("version", d.version());
        m.put("motifs", choix(actions.motifsRadiation().stream().sorted().toArray(MotifRadiation[]::new)));
        m.put("irrecevabilites", choix(MotifIrrecevabilite.values()));
        m.put("valeurs", v);
        m.put("erreurs", erreurs);
        return vues.page("radier", m, statut);
    }

    // ------------------------------------------------------------------ the CERFA form

    private Response formulaire(Agent a, String mode, Demande d, Map<String, List<String>> v,
                                Map<String, Object> extra, int statut) {
        boolean nouvelle = d == null;
        Map<String, Object> m = vues.modele(nouvelle ? "Enregistrer une demande" : "Modifier la demande n° "
                + d.numeroUnique(), nouvelle ? "nouvelle" : "demandes", a.session(), a.droits());
        m.put("mode", mode);
        m.put("valeurs", v);
        m.put("listes", Listes.TOUTES);
        m.put("tousGuichets", a.droits().tousGuichets());
        m.put("guichetPropre", a.session().identite().organisation().guichet() == null ? ""
                : a.session().identite().organisation().guichet());
        m.put("lignesPersonnes", Math.max(1, FormulaireDemande.lignes(v, "personnesACharge")));
        m.put("lignesRessources", Math.max(1, FormulaireDemande.lignes(v, "ressources")));
        if (d != null) {
            m.put("numero", d.numeroUnique());
            m.put("version", d.version());
            m.put("validite", Vues.date(d.dateValidite()));
        }
        m.putAll(extra);
        return vues.page("formulaire", m, statut);
    }

    private Response formulaireAvecAlerte(Agent a, String mode, Demande d, Map<String, List<String>> v,
                                          RegistreException e) {
        if (e instanceof AccesRefuseException || e instanceof DemandeIntrouvableException) {
            return erreur(a, e);
        }
        return formulaire(a, mode, d, v, Map.of("alerte", e.getMessage()), Http.statut(e));
    }

    /**
     * The dossier's fields a form posted, rows numbered again from 0 (so that the register's errors name the rows
     * as the form shows them), without the fields that are not the dossier's.
     */
    private static Map<String, List<String>> saisie(MultivaluedMap<String, String> form) {
        Map<String, List<String>> v = new HashMap<>(FormulaireDemande.compacter(FormulaireDemande.champs(form)));
        v.remove("guichet");
        v.remove("justificationDoublon");
        return v;
    }

    /** One more row of dependants or resources: the form shown again with it. */
    private static Map<String, Object> lignesEnPlus(Map<String, List<String>> v, String action) {
        Map<String, Object> m = new HashMap<>();
        if ("ajouter-personne".equals(action)) {
            m.put("lignesPersonnes", Math.min(FormulaireDemande.LIGNES_MAX, FormulaireDemande.lignes(v,
                    "personnesACharge") + 1));
        } else {
            m.put("lignesRessources", Math.min(FormulaireDemande.LIGNES_MAX, FormulaireDemande.lignes(v, "ressources")
                    + 1));
        }
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private Response refus(Agent a, String quoi) {
        return vues.refus(a, quoi);
    }

    private Response erreur(Agent a, RegistreException e) {
        return vues.erreur(a, e, "Demande introuvable");
    }

    static Map<String, String> erreurs(List<ErreurChamp> l) {
        return FormulaireDemande.erreurs(l);
    }
}
