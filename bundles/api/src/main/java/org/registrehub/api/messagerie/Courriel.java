package org.registrehub.api.messagerie;

import java.util.List;

/**
 * An e-mail to send.
 *
 * @param messageId     the Message-ID, the same for the same notice every time it is sent (a resend after a crash is
 *                      recognisable)
 * @param piecesJointes documents attached (e.g. the attestation d'enregistrement); empty for a plain text e-mail
 */
public record Courriel(String destinataire, String sujet, String texte, String messageId,
                       List<PieceJointe> piecesJointes) {

    public Courriel {
        piecesJointes = piecesJointes == null ? List.of() : List.copyOf(piecesJointes);
    }

    /** A plain text e-mail. */
    public Courriel(String destinataire, String sujet, String texte, String messageId) {
        this(destinataire, sujet, texte, messageId, List.of());
    }

    /**
     * A document attached to an e-mail.
     *
     * @param nom       the file name the recipient sees ({@code attestation-044....pdf})
     * @param typeMedia its media type ({@code application/pdf})
     * @since 1.1.0
     */
    public record PieceJointe(String nom, String typeMedia, byte[] contenu) {

        public PieceJointe {
            if (nom == null || nom.isBlank() || typeMedia == null || contenu == null) {
                throw new IllegalArgumentException("pièce jointe : nom, type et contenu obligatoires");
            }
        }
    }
}
