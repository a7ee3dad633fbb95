package org.registrehub.web.backoffice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.ImportExtraits;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.TravailImport;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.web.commun.Nombres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gestionnaire's departmental imports: an extract sent from the browser is received into the hub's import folder
 * and imported by the same service as the console and the drop folder (every line by the register's rules, resumed
 * after a stop, nothing twice), under the gestionnaire's identity; its page shows a progress bar from the import's
 * own record (read from PostgreSQL: any node shows it), then the counts and the rejects report.
 */
@Path("/imports")
@Produces(Vues.HTML)
public class ImportsPages {

    private static final Logger LOG = LoggerFactory.getLogger(ImportsPages.class);
    /** How long the page waits for an import to fail at once (unknown format...) before showing its progress. */
    private static final long ATTENTE_SECONDES = 2;

    private final RegistreService registre;
    private final List<ImportExtraits> imports;
    private final Garde garde;
    private final Vues vues;
    private final org.registrehub.api.spi.JsonCodec json;
    private final ExecutorService executeur = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registre-backoffice-import");
        t.setDaemon(true);
        return t;
    });

    @Context
    private HttpServletRequest requete;

    public ImportsPages(RegistreService registre, List<ImportExtraits> imports, Garde garde, Vues vues,
                        org.registrehub.api.spi.JsonCodec json) {
        this.registre = registre;
        this.json = json;
        this.imports = imports;
        this.garde = garde;
        this.vues = vues;
    }

    /** Blueprint's destroy method: an import running goes on to its end of batch; a stop resumes it at restart. */
    public void arreter() {
        executeur.shutdownNow();
    }

    private Optional<Agent> gestionnaire(String jeton) {
        return garde.agent(jeton);
    }

    /** Why the page cannot be shown (no session, no right, the feature absent), or null. */
    private Response refus(Optional<Agent> g, String ici) {
        if (g.isEmpty()) {
            return garde.versConnexion(ici);
        }
        if (!g.get().droits().importer()) {
            return vues.message("Accès refusé", "Vos droits ne permettent pas l'import d'extraits départementaux"
                    + " (rôle gestionnaire ou admin).", g.get().session(), g.get().droits(), 403);
        }
        if (imports.isEmpty()) {
            return vues.message("Imports indisponibles", "L'import des extraits départementaux n'est pas installé sur"
                    + " ce hub (fonctionnalité registre-fichiers-departementaux).", g.get().session(),
                    g.get().droits(), 503);
        }
        return null;
    }

    @GET
    public Response liste(@CookieParam(Garde.COOKIE_SESSION) String jeton) {
        Optional<Agent> g = gestionnaire(jeton);
        Response r = refus(g, "/imports");
        if (r != null) {
            return r;
        }
        return page(g.get(), Map.of(), 200);
    }

    private Response page(Agent g, Map<String, Object> extra, int statut) {
        Map<String, Object> m = vues.modele("Imports départementaux", "imports", g.session(), g.droits());
        List<Map<String, Object>> l = new ArrayList<>();
        for (TravailImport t : imports.get(0).travaux(20)) {
            l.add(ligne(t));
        }
        m.put("travaux", l);
        m.put("encodages", List.of(Map.of("code", "", "libelle", "Détecter"), Map.of("code", "UTF-8", "libelle",
                "UTF-8"), Map.of("code", "ISO-8859-1", "libelle", "Latin-1 (ISO-8859-1)")));
        m.putAll(extra);
        return vues.page("imports", m, statut);
    }

    static Map<String, Object> ligne(TravailImport t) {
        Map<String, Object> x = new HashMap<>();
        x.put("id", t.id());
        x.put("fichier", java.nio.file.Path.of(t.fichier()).getFileName().toString());
        x.put("etat", switch (t.etat()) {
            case TravailImport.EN_COURS -> "En cours";
            case TravailImport.TERMINE -> "Terminé";
            default -> "En échec";
        });
        x.put("enCours", TravailImport.EN_COURS.equals(t.etat()));
        x.put("termine", TravailImport.TERMINE.equals(t.etat()));
        x.put("pourcentage", t.pourcentage());
        x.put("position", Nombres.entier(t.position()));
        x.put("total", t.total() == null ? "?" : Nombres.entier(t.total()));
        x.put("importees", Nombres.entier(t.importees()));
        x.put("deja", Nombres.entier(t.dejaImportees()));
        x.put("rejetees", Nombres.entier(t.rejetees()));
        x.put("rejets", t.rejetees() > 0);
        x.put("debut", Vues.dateHeure(t.debut()));
        x.put("fin", Vues.dateHeure(t.fin()));
        x.put("erreur", t.erreur() == null ? "" : t.erreur());
        x.put("par", t.lancePar() == null ? "" : t.lancePar());
        return x;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importer(@CookieParam(Garde.COOKIE_SESSION) String jeton, MultipartBody corps) {
        Optional<Agent> g = gestionnaire(jeton);
        Response r = refus(g, "/imports");
        if (r != null) {
            return r;
        }
        if (!garde.csrf(g.get().session(), champ(corps, "csrf"))) {
            return garde.refusCsrf(g.get().session(), requete);
        }
        Attachment fichier = corps.getAttachment("fichier");
        String nom = fichier == null || fichier.getContentDisposition() == null ? null
                : fichier.getContentDisposition().getParameter("filename");
        if (nom == null || nom.isBlank()) {
            return page(g.get(), Map.of("erreurs", Map.of("fichier", "choisissez l'extrait à importer (CSV ou XML)")),
                    400);
        }
        String encodage = champ(corps, "encodage");
        ImportExtraits service = imports.get(0);
        java.nio.file.Path recu;
        try (InputStream in = fichier.getDataHandler().getInputStream()) {
            recu = service.recevoir(nom, in, g.get().contexte());
        } catch (IllegalArgumentException e) {
            return page(g.get(), Map.of("erreurs", Map.of("fichier", e.getMessage())), 400);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Contexte contexte = g.get().contexte();
        Future<TravailImport> f = executeur.submit(() -> {
            try {
                return service.importer(recu, encodage == null || encodage.isBlank() ? null : encodage, false,
                        contexte, texte -> { });
            } catch (RuntimeException e) {
                LOG.warn("Import de {} lancé par {} depuis le back-office : {}", recu.getFileName(),
                        contexte.acteur(), e.getMessage());
                throw e;
            }
        });
        try {
            TravailImport t = f.get(ATTENTE_SECONDES, TimeUnit.SECONDS);
            return vues.vers("/imports/" + t.id()).build();
        } catch (TimeoutException e) {
            // still running: its page follows it
            return vues.vers("/imports/suivi?fichier=" + URLEncoder.encode(recu.getFileName().toString(),
                    StandardCharsets.UTF_8)).build();
        } catch (ExecutionException e) {
            String raison = e.getCause() instanceof RegistreException || e.getCause() instanceof RuntimeException
                    ? e.getCause().getMessage() : e.toString();
            supprimer(recu);
            return page(g.get(), Map.of("alerte", "L'import n'a pas pu commencer : " + raison), 422);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return page(g.get(), Map.of("alerte", "Le hub s'arrête : l'import reprendra à son redémarrage."), 503);
        }
    }

    private static void supprimer(java.nio.file.Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Extrait {} non supprimé : {}", p, e.getMessage());
        }
    }

    /** An import just started, found by its extract's name once it has its record. */
    @GET
    @Path("suivi")
    public Response suivi(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("fichier") String fichier) {
        Optional<Agent> g = gestionnaire(jeton);
        Response r = refus(g, "/imports");
        if (r != null) {
            return r;
        }
        Optional<TravailImport> t = parNom(fichier);
        if (t.isPresent()) {
            return vues.vers("/imports/" + t.get().id()).build();
        }
        Map<String, Object> m = vues.modele("Import en préparation", "imports", g.get().session(), g.get().droits());
        m.put("fichier", fichier == null ? "" : fichier);
        return vues.page("import-preparation", m);
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public Response travail(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id) {
        Optional<Agent> g = gestionnaire(jeton);
        Response r = refus(g, "/imports/" + id);
        if (r != null) {
            return r;
        }
        Optional<TravailImport> t = imports.get(0).travaux(200).stream().filter(x -> x.id() == id).findFirst();
        if (t.isEmpty()) {
            return vues.message("Import introuvable", "Aucun import récent ne porte le numéro " + id + ".",
                    g.get().session(), g.get().droits(), 404);
        }
        Map<String, Object> m = vues.modele("Import n° " + id, "imports", g.get().session(), g.get().droits());
        m.put("t", ligne(t.get()));
        m.put("nomFichier", java.nio.file.Path.of(t.get().fichier()).getFileName().toString());
        return vues.page("import", m);
    }

    /** Where an import stands, by its extract's name, for the page's script (JSON). */
    @GET
    @Path("etat")
    @Produces(MediaType.APPLICATION_JSON)
    public Response etat(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("fichier") String fichier) {
        Optional<Agent> g = gestionnaire(jeton);
        if (g.isEmpty() || !g.get().droits().importer() || imports.isEmpty()) {
            return Response.status(g.isEmpty() ? 401 : 403).type(MediaType.APPLICATION_JSON)
                    .entity("{\"trouve\":false}").build();
        }
        Map<String, Object> e = new HashMap<>();
        e.put("trouve", false);
        parNom(fichier).ifPresent(t -> {
            e.put("trouve", true);
            e.put("id", t.id());
            e.put("etat", t.etat());
            e.put("pourcentage", t.pourcentage());
            e.put("position", Nombres.entier(t.position()));
            e.put("total", t.total() == null ? "?" : Nombres.entier(t.total()));
        });
        return Response.ok(json.ecrire(e), MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id: [0-9]{1,18}}/rejets")
    @Produces({"text/csv", Vues.HTML})
    public Response rejets(@CookieParam(Garde.COOKIE_SESSION) String jeton, @PathParam("id") long id) {
        Optional<Agent> g = gestionnaire(jeton);
        Response r = refus(g, "/imports/" + id);
        if (r != null) {
            return r;
        }
        try {
            java.nio.file.Path rapport = imports.get(0).rapportRejets(id, g.get().contexte());
            return Response.ok(Files.readAllBytes(rapport), "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"rejets-import-" + id + ".csv\"")
                    .header("Cache-Control", "no-store").build();
        } catch (RegistreException | IllegalArgumentException e) {
            return vues.message("Rapport indisponible", e.getMessage(), g.get().session(), g.get().droits(), 403);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A recent import, by the name its extract was received under. */
    private Optional<TravailImport> parNom(String fichier) {
        if (fichier == null || fichier.isBlank()) {
            return Optional.empty();
        }
        return imports.get(0).travaux(50).stream()
                .filter(t -> java.nio.file.Path.of(t.fichier()).getFileName().toString().equals(fichier)).findFirst();
    }

    private static String champ(MultipartBody corps, String nom) {
        Attachment a = corps.getAttachment(nom);
        if (a == null) {
            return null;
        }
        try (InputStream in = a.getDataHandler().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
