package org.registrehub.attribution.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.registrehub.api.attribution.spi.NotificationStore.AEnvoyer;
import org.registrehub.api.messagerie.Courriel;

/**
 * What the applicant reads, by e-mail or letter: the dwelling proposed (where, what, rent and charges, from when) and
 * what happens next, or the commission's decision in the words of the housing code, its reason or condition.
 */
final class TextesNotification {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private TextesNotification() {
    }

    static String objet(AEnvoyer n) {
        return "PROPOSITION".equals(n.nature())
                ? "Demande de logement social " + n.numeroUnique() + " : un logement vous est proposé"
                : "Demande de logement social " + n.numeroUnique() + " : décision de la commission d'attribution";
    }

    /** The body, paragraph by paragraph. */
    static List<String> paragraphes(AEnvoyer n) {
        List<String> p = new ArrayList<>();
        p.add("Madame, Monsieur " + n.nom() + ",");
        String logement = "le logement " + libelle(n.typologie()) + " situé " + n.adresse() + " (commune " + n.commune()
                + "), proposé par " + n.bailleur() + ", loyer " + n.loyer().toPlainString() + " € et charges "
                + n.charges().toPlainString() + " € par mois, disponible le " + DATE.format(n.dateDisponibilite());
        if ("PROPOSITION".equals(n.nature())) {
            p.add("Votre demande de logement social n° " + n.numeroUnique() + " a été retenue comme candidate (rang "
                    + n.rang() + ") pour " + logement + ".");
            p.add("Votre dossier sera examiné par la commission d'attribution des logements du bailleur, qui examine"
                    + " en principe trois candidats par logement. Vous serez informé(e) de sa décision. Tenez votre"
                    + " dossier à jour (ressources, situation) et les pièces justificatives à disposition.");
        } else {
            p.add("La commission d'attribution des logements de " + n.bailleur() + " a examiné votre demande n° "
                    + n.numeroUnique() + " pour " + logement + ".");
            p.add("Sa décision : " + decision(n) + ".");
            p.add(suite(n));
        }
        p.add("Votre demande reste valable jusqu'à son terme et garde son ancienneté, sauf bail signé.");
        p.add("Ce message vous est adressé par le registre partagé de la demande de logement social ; merci de ne pas"
                + " y répondre. Pour toute question, adressez-vous à votre guichet d'enregistrement.");
        return p;
    }

    static Courriel courriel(AEnvoyer n) {
        return new Courriel(n.email(), objet(n), String.join("\n\n", paragraphes(n)), "<notification-" + n.id()
                + "." + n.numeroUnique() + "@registre-hub>");
    }

    private static String decision(AEnvoyer n) {
        return switch (n.decision()) {
            case "ATTRIBUTION" -> "attribution du logement";
            case "ATTRIBUTION_PAR_CLASSEMENT" -> "attribution par classement, au rang " + n.rangClassement()
                    + " : le logement vous sera attribué si le ou les candidats classés avant vous le refusent";
            case "ATTRIBUTION_SOUS_CONDITION" -> "attribution sous condition suspensive"
                    + (n.condition() == null ? "" : " : " + n.condition());
            case "NON_ATTRIBUTION" -> "non-attribution" + (n.motif() == null ? "" : ", pour le motif suivant : "
                    + n.motif());
            default -> "rejet pour irrecevabilité de la demande" + (n.motif() == null ? "" : " : " + n.motif());
        };
    }

    private static String suite(AEnvoyer n) {
        return switch (n.decision()) {
            case "ATTRIBUTION", "ATTRIBUTION_SOUS_CONDITION" -> "Le bailleur va vous contacter pour la visite et la"
                    + " signature du bail. Vous pouvez refuser ce logement : votre demande reste alors active.";
            case "ATTRIBUTION_PAR_CLASSEMENT" -> "Le bailleur vous informera si le logement vous revient.";
            case "NON_ATTRIBUTION" -> "Votre demande reste active pour d'autres logements.";
            default -> "Vous pouvez demander des explications au bailleur et contester cette décision devant le"
                    + " tribunal administratif dans un délai de deux mois.";
        };
    }

    private static String libelle(String typologie) {
        return switch (typologie) {
            case "CHAMBRE" -> "(chambre)";
            case "T6_PLUS" -> "T6 ou plus";
            default -> typologie;
        };
    }
}
