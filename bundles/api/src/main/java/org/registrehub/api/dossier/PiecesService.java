package org.registrehub.api.dossier;

import java.util.List;

import org.registrehub.api.Contexte;

/**
 * The supporting documents of the demands. Each call checks the caller's right on the demand as the register does
 * (readers of its territory read; the applicant on the portal and the guichets that may change it upload, replace
 * and withdraw), and answers an unknown or out-of-reach demand as unknown. Every read of a document is audited.
 */
public interface PiecesService {

    /**
     * Stores a document after checking its content: PDF, JPEG or PNG only, its bytes what its name and type say
     * (magic bytes), a PDF that PDFBox opens, an image that decodes within the size limits, not over the maximum size.
     *
     * @param remplace the id of a document of the same demand this one replaces (withdrawn in the same transaction),
     *                 or null
     * @throws PieceRefuseeException                               the file is refused, with the rule it breaks
     * @throws org.registrehub.api.DemandeIntrouvableException     unknown demand (or out of the caller's reach)
     */
    Piece deposer(String numeroUnique, CategoriePiece categorie, String nomFichier, String typeMedia, byte[] contenu,
                  Long remplace, Contexte contexte);

    /** The documents of a demand in force (withdrawn ones left out), by category then date. */
    List<Piece> pieces(String numeroUnique, Contexte contexte);

    /**
     * One document with its content (audited).
     *
     * @throws org.registrehub.api.DemandeIntrouvableException unknown document, or not of this demand
     */
    ContenuPiece lire(String numeroUnique, long id, Contexte contexte);

    /** Withdraws a document (kept out of the lists, its content erased). */
    void retirer(String numeroUnique, long id, Contexte contexte);
}
