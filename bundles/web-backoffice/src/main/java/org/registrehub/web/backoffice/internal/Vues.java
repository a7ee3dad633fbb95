package org.registrehub.web.backoffice.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.DroitsAttribution;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.web.commun.Gabarits;
import org.registrehub.web.commun.Http;
import org.registrehub.web.commun.Theme;

/** The back-office's pages: the layout's model (who is signed in, the menu their rights allow), rendering, dates. */
public class Vues {

    static final String HTML = "text/html;charset=UTF-8";
    static final String GABARITS = "org/registrehub/web/backoffice/gabarits";
    private static final DroitsAttribution AUCUN = new DroitsAttribution(false, false, false);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_COURTE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
            Locale.FRANCE).withZone(PARIS);

    private final Gabarits gabarits = new Gabarits(Vues.class, GABARITS);
    private final Theme theme;
    private final String base;
    private final List<LogementsService> logements;

    /**
     * @param logements the attribution capability (registre-attribution), when installed: its entries of the menu
     */
    public Vues(Theme theme, String base, List<LogementsService> logements) {
        this.theme = theme;
        this.base = base;
        this.logements = logements;
    }

    /** What the attribution capability lets this user do; all false when it is not installed. */
    DroitsAttribution droitsAttribution(Identite identite) {
        try {
            return logements.isEmpty() ? AUCUN : logements.get(0).droits(new Contexte(identite, Canal.WEB));
        } catch (RuntimeException e) {
            // the capability went away between the check and the call (an upgrade): its entries are not offered
            return AUCUN;
        }
    }

    String base() {
        return base;
    }

    /**
     * What every page's layout reads: its title, the application's address and theme, the signed-in agent (null on
     * the sign-in page), the CSRF token of its forms and the menu of what its rights allow.
     *
     * @param rubrique the menu entry the page belongs to ({@code accueil}, {@code demandes}, {@code nouvelle})
     */
    Map<String, Object> modele(String titre, String rubrique, SessionWeb s, DroitsRegistre droits) {
        Map<String, Object> m = new HashMap<>();
        m.put("titre", titre);
        m.put("rubrique", rubrique);
        m.put("base", base);
        m.put("theme", theme);
        m.put("connecte", s != null);
        m.put("csrf", s == null ? "" : s.csrf());
        m.put("valeurs", Map.of());
        m.put("erreurs", Map.of());
        m.put("formulaireAgent", true);
        if (s != null) {
            m.put("agent", s.identite().identifiant());
            m.put("organisation", s.identite().organisation().nom() + " (" + s.identite().organisation().code() + ")");
            m.put("roles", s.identite().roles().stream().map(Role::nom).sorted().toList());
            m.put("menu", menu(droits, droitsAttribution(s.identite()), s.identite()));
        }
        return m;
    }

    private static List<Map<String, String>> menu(DroitsRegistre droits, DroitsAttribution attribution,
                                                  Identite identite) {
        List<Map<String, String>> l = new ArrayList<>();
        l.add(Map.of("code", "accueil", "chemin", "/", "libelle", "Accueil"));
        if (droits != null && droits.lire()) {
            l.add(Map.of("code", "demandes", "chemin", "/demandes", "libelle", "Rechercher une demande"));
        }
        if (droits != null && droits.enregistrer()) {
            l.add(Map.of("code", "nouvelle", "chemin", "/demandes/nouvelle", "libelle", "Enregistrer une demande"));
        }
        if (attribution.consulter()) {
            l.add(Map.of("code", "logements", "chemin", "/logements", "libelle", "Logements offerts"));
        }
        if (attribution.commissions()) {
            l.add(Map.of("code", "commissions", "chemin", "/commissions", "libelle", "Commissions d'attribution"));
        }
        if (droits != null && droits.importer()) {
            l.add(Map.of("code", "imports", "chemin", "/imports", "libelle", "Imports départementaux"));
        }
        // the Infocentre is open to every role (aggregated figures, under the secret where the role imposes it)
        l.add(Map.of("code", "statistiques", "chemin", "/statistiques", "libelle", "Statistiques"));
        l.add(Map.of("code", "qualite", "chemin", "/qualite", "libelle", "Qualité des données"));
        if (identite != null && org.registrehub.api.erp.SupervisionErp.autorise(identite)) {
            l.add(Map.of("code", "erp", "chemin", "/erp", "libelle", "ERP des bailleurs"));
        }
        if (identite != null && org.registrehub.api.acces.AuditService.autorise(identite)) {
            l.add(Map.of("code", "comptes", "chemin", "/comptes", "libelle", "Comptes"));
            l.add(Map.of("code", "audit", "chemin", "/audit", "libelle", "Journal d'audit"));
            l.add(Map.of("code", "exploitation", "chemin", "/exploitation", "libelle", "Synchronisation et campagne"));
        }
        return l;
    }

    Response page(String gabarit, Map<String, Object> m) {
        return page(gabarit, m, 200);
    }

    Response page(String gabarit, Map<String, Object> m, int statut) {
        return Response.status(statut).type(HTML).header("Cache-Control", "no-store")
                .entity(gabarits.rendre(gabarit, m)).build();
    }

    /** A 303 to a page of the application, by its path (a relative Location: the host the browser used). */
    Response.ResponseBuilder vers(String chemin) {
        return Response.status(303).header("Location", base + chemin).header("Cache-Control", "no-store");
    }

    /** A page that says why something could not be done. */
    Response message(String titre, String message, SessionWeb s, DroitsRegistre droits, int statut) {
        Map<String, Object> m = modele(titre, "", s, droits);
        m.put("message", message);
        return page("erreur", m, statut);
    }

    /** A refusal: the user's rights do not allow what it asked. */
    Response refus(Agent a, String quoi) {
        return message("Accès refusé", "Vos droits ne permettent pas " + quoi + ".", a.session(), a.droits(), 403);
    }

    /** What a service refused, said as it said it, with the HTTP status of its kind. */
    Response erreur(Agent a, RegistreException e, String titreIntrouvable) {
        String titre = e instanceof DemandeIntrouvableException || "INTROUVABLE".equals(e.getCode())
                ? titreIntrouvable : e instanceof AccesRefuseException ? "Accès refusé" : "Opération impossible";
        return message(titre, e.getMessage(), a.session(), a.droits(), Http.statut(e));
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    static String dateCourte(LocalDate d) {
        return d == null ? "" : DATE_COURTE.format(d);
    }

    static String dateHeure(Instant i) {
        return i == null ? "" : DATE_HEURE.format(i);
    }
}
