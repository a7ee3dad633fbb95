package org.registrehub.api.dossier;

import java.time.Instant;

/**
 * A supporting document of a demand, as listed (its content is read apart).
 *
 * @param id         its identifier
 * @param categorie  what it proves
 * @param nomFichier the file name given at upload (cleaned of any path)
 * @param typeMedia  {@code application/pdf}, {@code image/jpeg} or {@code image/png}, as its content was verified
 * @param taille     its size in bytes
 * @param sha256     the SHA-256 of its content, in hexadecimal
 * @param deposeLe   when it was uploaded
 * @param deposePar  who uploaded it (an applicant, an agent)
 */
public record Piece(long id, String numeroUnique, CategoriePiece categorie, String nomFichier, String typeMedia,
                    long taille, String sha256, Instant deposeLe, String deposePar) {
}
