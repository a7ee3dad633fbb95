package org.registrehub.attestation.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.registrehub.api.Contact;
import org.registrehub.api.Demande;
import org.registrehub.api.Libelles;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Personne;

/** The words of the notices to the applicant, in French: the same by e-mail and by letter. */
final class TextesAvis {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private TextesAvis() {
    }

    static List<String> adresse(Demande d) {
        List<String> l = new ArrayList<>();
        Personne p = d.dossier().demandeur();
        l.add((p.prenoms() + " " + p.nom().toUpperCase(Locale.FRANCE)).strip());
        Contact c = d.dossier().contact();
        if (c != null) {
            if (c.adresse() != null) {
                l.add(c.adresse());
            }
            l.add(((c.codePostal() == null ? "" : c.codePostal()) + " " + (c.ville() == null ? ""
                    : c.ville().toUpperCase(Locale.FRANCE))).strip());
        }
        return l;
    }

    static String objetEnregistrement(Demande d) {
        return "Attestation d'enregistrement de votre demande de logement social " + d.numeroUnique();
    }

    static String enregistrement(Demande d) {
        return "Bonjour,\n\nVotre demande de logement social est enregistrée sous le numéro unique " + d.numeroUnique()
                + ", déposée le " + DATE.format(d.dateDepot()) + " (la date de votre ancienneté). Elle est valable"
                + " jusqu'au " + DATE.format(d.dateValidite()) + " et doit être renouvelée chaque année avant cette"
                + " date ; un avis vous sera adressé au moins un mois avant.\n\nVotre attestation d'enregistrement"
                + " est jointe à ce courriel. Ce numéro vous identifie auprès de tous les bailleurs sociaux et guichets"
                + " du territoire : indiquez-le à chaque démarche.\n\nCe message est envoyé automatiquement par le"
                + " registre de la demande de logement social ; n'y répondez pas.\n";
    }

    static String objetRadiation(Demande d) {
        return "Radiation de votre demande de logement social " + d.numeroUnique();
    }

    /** Why the demand is radiated and what follows, paragraph by paragraph. */
    static List<String> radiation(Demande d) {
        MotifRadiation motif = d.radiation().motif();
        List<String> p = new ArrayList<>();
        p.add("Votre demande de logement social n° " + d.numeroUnique() + ", déposée le " + DATE.format(d.dateDepot())
                + ", est radiée du registre depuis le " + DATE.format(d.radiation().date()) + ". Motif : "
                + Libelles.de(motif).toLowerCase(Locale.FRANCE) + ".");
        p.add(switch (motif) {
            case ATTRIBUTION -> "Un logement social vous a été attribué et vous avez signé son bail : votre demande"
                    + " a atteint son but. Nous vous souhaitons une bonne installation.";
            case ABANDON -> "Vous avez renoncé à votre demande. Si votre situation change, vous pouvez déposer une"
                    + " nouvelle demande à tout moment.";
            case NON_RENOUVELLEMENT -> "Votre demande n'a pas été renouvelée avant sa date de fin de validité. Vous"
                    + " pouvez encore la réactiver auprès d'un guichet enregistreur pendant le délai prévu : elle"
                    + " retrouvera son numéro et son ancienneté. Passé ce délai, il faudra déposer une nouvelle"
                    + " demande.";
            case IRRECEVABILITE -> "La commission d'attribution a constaté que votre demande ne remplit pas les"
                    + " conditions d'accès au logement social (ressources au-dessus des plafonds ou séjour"
                    + " irrégulier). Vous pouvez contester cette décision auprès du bailleur qui l'a prise, ou"
                    + " déposer une nouvelle demande si votre situation change.";
            case NON_REPONSE -> "Vous n'avez pas répondu, dans le délai d'un mois, au courrier qui vous demandait de"
                    + " confirmer votre demande. Si vous souhaitez toujours un logement social, adressez-vous à un"
                    + " guichet enregistreur.";
        });
        if (d.radiation().commentaire() != null && !d.radiation().commentaire().isBlank()
                && motif != MotifRadiation.ATTRIBUTION) {
            p.add("Précision : " + d.radiation().commentaire());
        }
        p.add("Pour toute question, adressez-vous à un guichet enregistreur de votre territoire en rappelant le numéro"
                + " de votre demande.");
        return p;
    }

    static String courrielRadiation(Demande d) {
        return "Bonjour,\n\n" + String.join("\n\n", radiation(d)) + "\n\nCe message est envoyé automatiquement par le"
                + " registre de la demande de logement social ; n'y répondez pas.\n";
    }
}
