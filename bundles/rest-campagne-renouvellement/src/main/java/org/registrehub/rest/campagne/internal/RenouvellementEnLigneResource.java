package org.registrehub.rest.campagne.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.LienParente;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.renouvellement.DemandeEnLigne;
import org.registrehub.api.renouvellement.JetonInvalideException;
import org.registrehub.api.renouvellement.MiseAJourEnLigne;
import org.registrehub.api.renouvellement.RenouvellementEnLigne;

/**
 * The applicant's renewal page, reached by the one-time link of an email notice ({@code GET
 * /renouvellement-en-ligne?jeton=...}): the demand's dates, the household and the resources, which the applicant
 * confirms or updates and sends ({@code POST}, a plain HTML form). Public: the token is the only credential; the
 * renewal itself goes through the register (channel {@code EN_LIGNE}).
 */
@Path("/")
public class RenouvellementEnLigneResource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
            Locale.FRANCE);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final RenouvellementEnLigne service;

    public RenouvellementEnLigneResource(RenouvellementEnLigne service) {
        this.service = service;
    }

    @GET
    @Produces(HTML)
    public Response page(@QueryParam("jeton") String jeton) {
        try {
            return ok(formulaire(jeton, service.lire(jeton), List.of()));
        } catch (RuntimeException e) {
            return erreur(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response confirmer(MultivaluedMap<String, String> form) {
        String jeton = form.getFirst("jeton");
        DemandeEnLigne demande;
        try {
            demande = service.lire(jeton);
        } catch (RuntimeException e) {
            return erreur(e);
        }
        List<ErreurChamp> erreurs = new ArrayList<>();
        MiseAJourEnLigne maj = lire(form, demande, erreurs);
        if (!erreurs.isEmpty()) {
            return Response.status(400).type(HTML).entity(formulaire(jeton, demande, erreurs)).build();
        }
        try {
            Demande d = service.confirmer(jeton, maj);
            return ok(page("Demande renouvelée", "<p>Votre demande n° <strong>" + e(d.numeroUnique())
                    + "</strong> est renouvelée : elle est valable jusqu'au <strong>" + DATE.format(d.dateValidite())
                    + "</strong>. Son numéro et son ancienneté (dépôt du " + DATE.format(d.dateDepot())
                    + ") sont conservés.</p><p>Une attestation vous sera remise par votre guichet sur demande.</p>"));
        } catch (DemandeInvalideException e) {
            return Response.status(400).type(HTML).entity(formulaire(jeton, demande, e.getErreurs())).build();
        } catch (RuntimeException e) {
            return erreur(e);
        }
    }

    /** Reads the form; an unreadable field is reported by its name. */
    private static MiseAJourEnLigne lire(MultivaluedMap<String, String> form, DemandeEnLigne d,
                                         List<ErreurChamp> erreurs) {
        List<BigDecimal> montants = new ArrayList<>();
        for (int i = 0; i < d.ressources().size(); i++) {
            String v = form.getFirst("montant" + i);
            try {
                montants.add(v == null || v.isBlank() ? null : new BigDecimal(v.strip().replace(',', '.')
                        .replace(" ", "")));
            } catch (NumberFormatException e) {
                erreurs.add(new ErreurChamp("montant" + i, "montant", v, "montant mensuel en euros, ex. 1250,50"));
                montants.add(null);
            }
        }
        Integer n2 = entier(form, "revenuN2", erreurs);
        Integer n1 = entier(form, "revenuN1", erreurs);
        RevenuFiscal rf = n2 == null && n1 == null ? null : new RevenuFiscal(
                n2 != null ? n2 : d.revenuFiscal() == null ? null : d.revenuFiscal().anneeN2(),
                n1 != null ? n1 : d.revenuFiscal() == null ? null : d.revenuFiscal().anneeN1());
        Set<Integer> retirees = new HashSet<>();
        for (String v : form.getOrDefault("retirer", List.of())) {
            try {
                retirees.add(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                erreurs.add(new ErreurChamp("retirer", "index", v, "personne à charge de la liste"));
            }
        }
        PersonneACharge ajout = null;
        String nom = form.getFirst("ajoutNom");
        if (nom != null && !nom.isBlank()) {
            LocalDate naissance = null;
            try {
                naissance = LocalDate.parse(form.getFirst("ajoutNaissance"));
            } catch (DateTimeParseException | NullPointerException e) {
                erreurs.add(new ErreurChamp("ajoutNaissance", "date", form.getFirst("ajoutNaissance"),
                        "date de naissance AAAA-MM-JJ"));
            }
            ajout = new PersonneACharge(nom.strip(), vide(form.getFirst("ajoutPrenoms")), naissance,
                    enumeration(Sexe.class, form.getFirst("ajoutSexe"), "ajoutSexe", erreurs),
                    enumeration(LienParente.class, form.getFirst("ajoutLien"), "ajoutLien", erreurs));
        }
        return new MiseAJourEnLigne(montants, rf, retirees, ajout);
    }

    private static Integer entier(MultivaluedMap<String, String> form, String champ, List<ErreurChamp> erreurs) {
        String v = form.getFirst(champ);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip().replace(" ", ""));
        } catch (NumberFormatException e) {
            erreurs.add(new ErreurChamp(champ, "entier", v, "montant en euros, sans décimales"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumeration(Class<E> type, String v, String champ,
                                                     List<ErreurChamp> erreurs) {
        try {
            return Enum.valueOf(type, v == null ? "" : v.strip());
        } catch (IllegalArgumentException e) {
            erreurs.add(new ErreurChamp(champ, "valeur", v, "une valeur de la liste"));
            return null;
        }
    }

    private static String vide(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Response ok(String html) {
        return Response.ok(html, HTML).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .build();
    }

    private static Response erreur(RuntimeException e) {
        // without the campaign's bundle, Blueprint's proxy raises ServiceUnavailableException: 503 too
        boolean indisponible = e instanceof RegistreIndisponibleException
                || "ServiceUnavailableException".equals(e.getClass().getSimpleName());
        int statut = e instanceof JetonInvalideException ? 410 : indisponible ? 503
                : e instanceof RegistreException ? 409 : 500;
        String message = e instanceof RegistreException ? e.getMessage()
                : "Le service de renouvellement en ligne est indisponible ; réessayez plus tard ou adressez-vous à"
                        + " votre guichet.";
        return Response.status(statut).type(HTML).header("Cache-Control", "no-store")
                .entity(page("Renouvellement impossible", "<p class=\"erreur\">" + e(message) + "</p>")).build();
    }

    private static String formulaire(String jeton, DemandeEnLigne d, List<ErreurChamp> erreurs) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Demande n° <strong>").append(e(d.numeroUnique())).append("</strong> de ")
                .append(e(d.demandeur())).append(", déposée le ").append(DATE.format(d.dateDepot()))
                .append(", valable jusqu'au <strong>").append(DATE.format(d.finValidite())).append("</strong>.</p>");
        if (!erreurs.isEmpty()) {
            b.append("<ul class=\"erreur\">");
            for (ErreurChamp x : erreurs) {
                b.append("<li>").append(e(x.champ())).append(" : ").append(e(x.message())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<form method=\"post\" action=\"renouvellement-en-ligne\">")
                .append("<input type=\"hidden\" name=\"jeton\" value=\"").append(e(jeton)).append("\">");
        b.append("<h2>Votre ménage</h2><ul><li>").append(e(d.demandeur())).append(" (demandeur)</li>");
        if (d.coDemandeur() != null) {
            b.append("<li>").append(e(d.coDemandeur())).append(" (co-demandeur)</li>");
        }
        for (int i = 0; i < d.personnesACharge().size(); i++) {
            PersonneACharge p = d.personnesACharge().get(i);
            b.append("<li>").append(e((p.prenoms() == null ? "" : p.prenoms()) + " " + p.nom())).append(", né(e) le ")
                    .append(p.dateNaissance() == null ? "?" : DATE.format(p.dateNaissance()))
                    .append(" <label><input type=\"checkbox\" name=\"retirer\" value=\"").append(i)
                    .append("\"> ne fait plus partie du ménage</label></li>");
        }
        b.append("</ul><fieldset><legend>Une personne à charge a rejoint le ménage</legend>")
                .append("<label>Nom <input name=\"ajoutNom\"></label> <label>Prénoms <input name=\"ajoutPrenoms\">")
                .append("</label> <label>Né(e) le <input name=\"ajoutNaissance\" type=\"date\"></label> ")
                .append("<label>Sexe <select name=\"ajoutSexe\"><option value=\"F\">femme</option>")
                .append("<option value=\"M\">homme</option></select></label> ")
                .append("<label>Lien <select name=\"ajoutLien\">");
        for (LienParente l : LienParente.values()) {
            b.append("<option value=\"").append(l.name()).append("\">").append(e(libelle(l))).append("</option>");
        }
        b.append("</select></label></fieldset>");
        b.append("<h2>Vos ressources mensuelles</h2><table>");
        for (int i = 0; i < d.ressources().size(); i++) {
            Ressource r = d.ressources().get(i);
            b.append("<tr><td><label for=\"montant").append(i).append("\">").append(e(libelle(r.type()))).append(" — ")
                    .append(e(libelle(r.beneficiaire(), r.rang(), d.personnesACharge())))
                    .append("</label></td><td><input id=\"montant").append(i).append("\" name=\"montant").append(i)
                    .append("\" value=\"").append(r.montantMensuel() == null ? "" : r.montantMensuel().toPlainString())
                    .append("\"> €</td></tr>");
        }
        b.append("</table><h2>Revenu fiscal de référence</h2><label>Année N-2 <input name=\"revenuN2\" value=\"")
                .append(d.revenuFiscal() == null || d.revenuFiscal().anneeN2() == null ? ""
                        : d.revenuFiscal().anneeN2()).append("\"></label> <label>Année N-1 <input name=\"revenuN1\"")
                .append(" value=\"").append(d.revenuFiscal() == null || d.revenuFiscal().anneeN1() == null ? ""
                        : d.revenuFiscal().anneeN1()).append("\"></label>")
                .append("<p><button type=\"submit\">Confirmer et renouveler ma demande</button></p></form>")
                .append("<p class=\"note\">Ce lien personnel ne sert qu'une fois ; il expire le ")
                .append(DATE_HEURE.format(d.jetonExpire().atZone(PARIS))).append(".</p>");
        return page("Renouveler votre demande de logement social", b.toString());
    }

    /** The CERFA's names of the resources (section 4), for the applicant. */
    static String libelle(org.registrehub.api.TypeRessource t) {
        return switch (t) {
            case SAL -> "Salaire";
            case RET -> "Retraite";
            case CHO -> "Allocations chômage";
            case PAR -> "Pension alimentaire reçue";
            case PINV -> "Pension d'invalidité";
            case AF -> "Allocations familiales";
            case AAH -> "Allocation aux adultes handicapés";
            case AEEH -> "Allocation d'éducation de l'enfant handicapé";
            case AJPP -> "Allocation journalière de présence parentale";
            case RSA -> "RSA";
            case AMV -> "Allocation minimum vieillesse";
            case PAJE -> "Prestation d'accueil du jeune enfant";
            case BE -> "Bourse étudiant";
            default -> "Autre ressource";
        };
    }

    private static String libelle(org.registrehub.api.Beneficiaire b, Integer rang, List<PersonneACharge> personnes) {
        return switch (b) {
            case DEMANDEUR -> "vous";
            case CO_DEMANDEUR -> "co-demandeur";
            default -> rang != null && rang >= 1 && rang <= personnes.size()
                    ? (personnes.get(rang - 1).prenoms() == null ? personnes.get(rang - 1).nom()
                            : personnes.get(rang - 1).prenoms())
                    : "personne à charge";
        };
    }

    private static String libelle(LienParente l) {
        return switch (l) {
            case ENFANT -> "enfant";
            case ASCENDANT -> "ascendant";
            case AUTRE_PARENT -> "autre parent";
            default -> "autre";
        };
    }

    private static String page(String titre, String corps) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content="
                + "\"width=device-width, initial-scale=1\"><title>" + e(titre) + "</title><style>body{font-family:"
                + "sans-serif;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.5}.erreur{color:#a00}"
                + ".note{color:#555;font-size:.9em}input{margin:.2em}</style></head><body><h1>" + e(titre) + "</h1>"
                + corps + "</body></html>";
    }

    /** HTML-escapes a text. */
    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
