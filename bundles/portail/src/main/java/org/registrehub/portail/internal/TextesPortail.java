package org.registrehub.portail.internal;

import java.time.Duration;

/** The e-mails of the portal, in French. Never a password, and a code only in the e-mail that carries it. */
final class TextesPortail {

    private static final String SIGNATURE = "\n\nCe message est envoyé automatiquement par le registre de la demande de"
            + " logement social ; n'y répondez pas.\nSi vous n'êtes pas à l'origine de cette démarche, ignorez-le.\n";

    private TextesPortail() {
    }

    static String confirmation(String lien, Duration validite) {
        return "Bonjour,\n\nVous avez créé un compte sur le portail de la demande de logement social avec cette adresse"
                + " électronique. Pour la confirmer et accéder à votre espace, ouvrez ce lien :\n\n" + lien
                + "\n\nCe lien ne sert qu'une fois et reste valable " + validite.toHours() + " heures." + SIGNATURE;
    }

    static String compteExistant(String base) {
        return "Bonjour,\n\nQuelqu'un (vous peut-être) a voulu créer un compte sur le portail de la demande de logement"
                + " social avec cette adresse électronique, qui a déjà un compte. Connectez-vous :\n\n" + base
                + "/connexion\n\nVotre mot de passe n'a pas changé." + SIGNATURE;
    }

    static String code(String numero, String code, Duration validite) {
        return "Bonjour,\n\nVoici le code pour vous connecter au portail avec le numéro de votre demande de logement"
                + " social " + numero + " :\n\n    " + code.substring(0, 4) + " " + code.substring(4)
                + "\n\nCe code ne sert qu'une fois et reste valable " + validite.toMinutes() + " minutes." + SIGNATURE;
    }

    static String demandeExistante(String numero, String base) {
        return "Bonjour,\n\nUne nouvelle demande de logement social vient d'être préparée en ligne à votre nom. Vous"
                + " avez déjà une demande active, enregistrée sous le numéro " + numero + " ; une personne n'a qu'une"
                + " demande active, la nouvelle n'a pas été enregistrée.\n\nPour consulter, modifier ou renouveler"
                + " votre demande, connectez-vous avec son numéro : " + base + "/connexion-code" + SIGNATURE;
    }
}
