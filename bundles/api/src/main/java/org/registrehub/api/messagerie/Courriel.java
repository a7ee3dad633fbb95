package org.registrehub.api.messagerie;

/**
 * An e-mail to send.
 *
 * @param messageId the Message-ID, the same for the same notice every time it is sent (a resend after a crash is
 *                  recognisable)
 */
public record Courriel(String destinataire, String sujet, String texte, String messageId) {
}
