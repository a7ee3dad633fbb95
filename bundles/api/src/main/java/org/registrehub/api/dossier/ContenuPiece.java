package org.registrehub.api.dossier;

/** A supporting document and its bytes, as stored (the checksum is verified when read). */
public record ContenuPiece(Piece piece, byte[] contenu) {
}
