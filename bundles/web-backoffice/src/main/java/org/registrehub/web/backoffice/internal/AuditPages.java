package org.registrehub.web.backoffice.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.AuditService;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.web.commun.Nombres;

/**
 * The audit trail as a gestionnaire reads it (its territories; an administrator, all): who read or changed what,
 * when, through which channel, filtered by login, organisation, demand, operation, département and dates, newest
 * first. Reading it is audited too.
 */
@Path("/audit")
@Produces(Vues.HTML)
public class AuditPages {

    static final int TAILLE = 50;

    private final List<AuditService> audit;
    private final Garde garde;
    private final Vues vues;

    public AuditPages(List<AuditService> audit, Garde garde, Vues vues) {
        this.audit = audit;
        this.garde = garde;
        this.vues = vues;
    }

    @GET
    public Response journal(@CookieParam(Garde.COOKIE_SESSION) String jeton, @QueryParam("acteur") String acteur,
                            @QueryParam("organisation") String organisation,
                            @QueryParam("numeroUnique") String numeroUnique, @QueryParam("operation") String operation,
                            @QueryParam("territoire") String territoire, @QueryParam("du") String du,
                            @QueryParam("au") String au, @QueryParam("page") String page) {
        Optional<Agent> a = garde.agent(jeton);
        if (a.isEmpty()) {
            return garde.versConnexion("/audit");
        }
        if (!AuditService.autorise(a.get().session().identite())) {
            return vues.message("Accès refusé", "Le journal d'audit se lit par un gestionnaire (ses territoires) ou un"
                    + " administrateur.", a.get().session(), a.get().droits(), 403);
        }
        if (audit.isEmpty()) {
            return vues.message("Audit indisponible", "Le journal d'audit n'est pas installé sur ce hub (fonctionnalité"
                    + " registre-acces).", a.get().session(), a.get().droits(), 503);
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        Map<String, List<String>> valeurs = new LinkedHashMap<>();
        String[] noms = {"acteur", "organisation", "numeroUnique", "operation", "territoire", "du", "au"};
        String[] recus = {acteur, organisation, numeroUnique, operation, territoire, du, au};
        for (int i = 0; i < noms.length; i++) {
            if (recus[i] != null && !recus[i].isBlank()) {
                valeurs.put(noms[i], List.of(recus[i].strip()));
            }
        }
        LocalDate jourDu = Saisies.date("du", du, erreurs);
        LocalDate jourAu = Saisies.date("au", au, erreurs);
        int p = 0;
        try {
            p = page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            erreurs.put("page", "numéro de page attendu");
        }
        Map<String, Object> m = vues.modele("Journal d'audit", "audit", a.get().session(), a.get().droits());
        m.put("valeurs", valeurs);
        if (!erreurs.isEmpty()) {
            m.put("erreurs", erreurs);
            return vues.page("audit", m, 400);
        }
        CriteresAudit c = new CriteresAudit(texte(acteur), texte(organisation), majuscules(texte(numeroUnique)),
                majuscules(texte(operation)), texte(territoire),
                jourDu == null ? null : jourDu.atStartOfDay(Vues.PARIS).toInstant(),
                jourAu == null ? null : jourAu.plusDays(1).atStartOfDay(Vues.PARIS).toInstant());
        try {
            PageAudit r = audit.get(0).rechercher(c, p, TAILLE, a.get().contexte());
            List<Map<String, String>> lignes = new ArrayList<>();
            for (EntreeAudit e : r.entrees()) {
                Map<String, String> x = new HashMap<>();
                x.put("quand", Vues.dateHeure(e.horodatage()));
                x.put("acteur", e.acteur() == null ? "" : e.acteur());
                x.put("organisation", e.organisation() == null ? "" : e.organisation());
                x.put("canal", e.canal() == null ? "" : Libelles.de(e.canal()));
                x.put("operation", e.operation() == null ? "" : e.operation());
                x.put("numero", e.numeroUnique() == null ? "" : e.numeroUnique());
                x.put("territoire", e.territoire() == null ? "" : e.territoire());
                x.put("details", e.details() == null ? "" : e.details());
                lignes.add(x);
            }
            m.put("lignes", lignes);
            m.put("total", Nombres.entier(r.total()));
            m.put("page", r.page());
            m.put("suivante", (long) (r.page() + 1) * TAILLE < r.total());
            StringBuilder q = new StringBuilder();
            valeurs.forEach((k, v) -> q.append(k).append('=').append(java.net.URLEncoder.encode(v.get(0),
                    java.nio.charset.StandardCharsets.UTF_8)).append('&'));
            m.put("lienPage", "/audit?" + q + "page=");
        } catch (DemandeInvalideException e) {
            m.put("erreurs", DemandesPages.erreurs(e.getErreurs()));
            return vues.page("audit", m, 400);
        } catch (RegistreException e) {
            return vues.message("Audit refusé", e.getMessage(), a.get().session(), a.get().droits(),
                    org.registrehub.web.commun.Http.statut(e));
        }
        return vues.page("audit", m);
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String majuscules(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }
}
