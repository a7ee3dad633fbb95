package org.registrehub.rest.commun;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.RegistreException;
import org.registrehub.api.FonctionnaliteAbsenteException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.spi.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an {@code application/problem+json} response; unexpected ones are logged with an id. */
@Provider
public class ProblemeMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemeMapper.class);
    static final int RETRY_AFTER_SECONDS = 10;

    private final JsonCodec json;

    @Context
    private UriInfo uriInfo;

    public ProblemeMapper(JsonCodec json) {
        this.json = json;
    }

    @Override
    public Response toResponse(Throwable e) {
        Probleme probleme = probleme(e, uriInfo == null ? null : uriInfo.getRequestUri().getPath());
        Response.ResponseBuilder response = Response.status(probleme.status())
                .type(Probleme.MEDIA_TYPE).entity(json.ecrire(probleme));
        if (probleme.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    static Probleme probleme(Throwable e, String instance) {
        if (e instanceof DemandeInvalideException invalide) {
            return new Probleme(Probleme.type(invalide.getCode()), DemandeInvalideException.SUJET_DEMANDE.equals(
                    invalide.getSujet()) ? "Demande invalide" : "Données invalides", 400,
                    "Les données envoyées ne respectent pas les règles du registre ; rien n'a été enregistré. "
                            + "Corrigez les champs listés dans « erreurs ».", instance, invalide.getCode(),
                    invalide.getErreurs());
        }
        if (e instanceof DemandeIntrouvableException introuvable) {
            return new Probleme(Probleme.type(introuvable.getCode()), "Demande introuvable", 404,
                    introuvable.getMessage(), instance, introuvable.getCode(), List.of());
        }
        if (e instanceof DoublonPresumeException doublon) {
            return new Probleme(Probleme.type(doublon.getCode()), "Doublon présumé", 409, doublon.getMessage(),
                    instance, doublon.getCode(), List.of(), doublon.getDoublons(), doublon.getAilleurs());
        }
        if (e instanceof VersionObsoleteException obsolete) {
            return new Probleme(Probleme.type(obsolete.getCode()), "Version obsolète", 412, obsolete.getMessage(),
                    instance, obsolete.getCode(), List.of());
        }
        if (e instanceof VersionRequiseException requise) {
            return new Probleme(Probleme.type(requise.getCode()), "Version requise", 428, requise.getMessage(),
                    instance, requise.getCode(), List.of());
        }
        if (e instanceof TransitionInterditeException interdite) {
            return new Probleme(Probleme.type(interdite.getCode()), "Opération impossible dans cet état", 409,
                    interdite.getMessage(), instance, interdite.getCode(), List.of());
        }
        if (e instanceof TailleMaxFiltre.TropVolumineuse trop) {
            return new Probleme(Probleme.type(TailleMaxFiltre.CODE), "Requête trop volumineuse", 413, trop.getMessage(),
                    instance, TailleMaxFiltre.CODE, List.of());
        }
        if (e instanceof org.registrehub.api.dossier.PieceRefuseeException piece) {
            // a supporting document refused: too large (413), not a PDF, JPEG or PNG (415), content (422)
            int statut = switch (piece.regle()) {
                case "taille" -> 413;
                case "type" -> 415;
                default -> 422;
            };
            return new Probleme(Probleme.type(piece.getCode()), "Pièce refusée", statut, piece.getMessage(),
                    instance, piece.getCode(), List.of());
        }
        if (e instanceof AccesRefuseException refuse) {
            return new Probleme(Probleme.type(refuse.getCode()), "Accès refusé", 403, refuse.getMessage(), instance,
                    refuse.getCode(), List.of());
        }
        if (e instanceof RegistreException r && "INTROUVABLE".equals(r.getCode())) {
            return new Probleme(Probleme.type(r.getCode()), "Introuvable", 404, r.getMessage(), instance, r.getCode(),
                    List.of());
        }
        if (e instanceof RegistreException r && "EXISTE_DEJA".equals(r.getCode())) {
            return new Probleme(Probleme.type(r.getCode()), "Existe déjà", 409, r.getMessage(), instance, r.getCode(),
                    List.of());
        }
        if (e instanceof FonctionnaliteAbsenteException absente) {
            // not an incident: the hub was installed without this capability; the message says which feature
            return new Probleme(Probleme.type(absente.getCode()), "Fonctionnalité absente", 503, absente.getMessage(),
                    instance, absente.getCode(), List.of());
        }
        if (e instanceof RegistreIndisponibleException indisponible) {
            // the cause (a database, a driver, a service) is for the log, under the incident's id
            String incident = UUID.randomUUID().toString();
            LOG.warn("Registre indisponible (incident {}) sur {} : {}", incident, instance, indisponible.getMessage());
            return new Probleme(Probleme.type(indisponible.getCode()), "Registre indisponible", 503,
                    "Le registre est momentanément indisponible ; rien n'a été enregistré. Réessayez dans quelques"
                            + " instants (incident " + incident + ").", instance, indisponible.getCode(), List.of());
        }
        if (e instanceof RegistreException r && "NATIONAL_INDISPONIBLE".equals(r.getCode())) {
            // national numbering: the national register cannot give a number now; nothing was written
            return new Probleme(Probleme.type(r.getCode()), "Registre national indisponible", 503, r.getMessage()
                    + " Rien n'a été enregistré ; réessayez plus tard.", instance, r.getCode(), List.of());
        }
        if (e instanceof RegistreException registre) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Erreur du registre (incident {}) sur {}", incident, instance, e);
            return new Probleme(Probleme.type(registre.getCode()), "Erreur du registre", 500,
                    registre.getMessage() + " (incident " + incident + ")", instance, registre.getCode(), List.of());
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String titre = web.getResponse().getStatusInfo().getReasonPhrase();
            return new Probleme(Probleme.type("HTTP_" + status), titre, status, detailHttp(status), instance,
                    "HTTP_" + status, List.of());
        }
        if (isServiceUnavailable(e)) {
            return new Probleme(Probleme.type(RegistreIndisponibleException.CODE), "Registre indisponible", 503,
                    "Un service du registre est en cours de (re)démarrage ; réessayez dans quelques secondes.",
                    instance, RegistreIndisponibleException.CODE, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Erreur inattendue (incident {}) sur {}", incident, instance, e);
        return new Probleme(Probleme.type("ERREUR_INTERNE"), "Erreur interne", 500,
                "Erreur interne du registre ; rien n'a été enregistré. Incident " + incident
                        + " (à communiquer à l'administrateur).", instance, "ERREUR_INTERNE", List.of());
    }

    private static boolean isServiceUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.osgi.service.blueprint.container.ServiceUnavailableException")) {
                return true;
            }
        }
        return false;
    }

    private static String detailHttp(int status) {
        return switch (status) {
            case 404 -> "Cette ressource n'existe pas. Les ressources sont décrites dans la documentation de l'API.";
            case 405 -> "Méthode HTTP non permise sur cette ressource.";
            case 406 -> "Le registre répond en application/json.";
            case 413 -> "Requête trop volumineuse.";
            case 415 -> "Type de contenu non pris en charge : envoyez Content-Type: application/json.";
            default -> "La requête HTTP ne peut pas être traitée (statut " + status + ").";
        };
    }
}
