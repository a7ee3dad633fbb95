package org.registrehub.campagne.internal;

import java.time.Instant;
import java.time.ZoneId;

import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeDue;

/** The email renewal notice: its subject, its text with the one-time link, its stable Message-ID. */
final class CourrielAvis {


    private CourrielAvis() {
    }

    static org.registrehub.api.messagerie.Courriel courriel(Avis a, DemandeDue d, String lien, Instant expire, ZoneId zone) {
        String sujet = "Renouvellement de votre demande de logement social n° " + a.numeroUnique();
        String bonjour = d.destinataire() == null || d.destinataire().isBlank() ? "Bonjour,"
                : "Bonjour " + d.destinataire() + ",";
        String texte = bonjour + "\n\n"
                + "Votre demande de logement social n° " + a.numeroUnique() + ", déposée le "
                + Formats.DATE.format(d.dateDepot()) + ", est valable jusqu'au "
                + Formats.DATE.format(a.finValidite()) + ".\n"
                + "Pour la garder, avec son numéro et son ancienneté, renouvelez-la avant cette date.\n\n"
                + "Renouveler en ligne (lien personnel, utilisable une seule fois, valable jusqu'au "
                + Formats.DATE_HEURE.format(expire.atZone(zone)) + ") :\n"
                + lien + "\n\n"
                + "Vous pourrez y confirmer ou mettre à jour la composition de votre ménage et vos ressources.\n"
                + "Vous pouvez aussi la renouveler auprès du guichet " + a.guichet() + " ou de tout guichet"
                + " enregistreur du département.\n\n"
                + "Sans renouvellement, votre demande sera radiée après le " + Formats.DATE.format(a.finValidite())
                + " (motif : non-renouvellement).\n\n"
                + "Message envoyé automatiquement par le registre de la demande de logement social ; merci de ne pas"
                + " y répondre.\n";
        return new org.registrehub.api.messagerie.Courriel(d.email(), sujet, texte, "<avis-" + a.id() + "." + a.numeroUnique()
                + "@registre-hub>");
    }
}
