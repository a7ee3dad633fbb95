package org.registrehub.api;

/**
 * What a caller submits to radiate a demand (the date is the day of the request).
 *
 * @param motif               reason
 * @param attribution         required for {@link MotifRadiation#ATTRIBUTION}, refused otherwise
 * @param motifIrrecevabilite required for {@link MotifRadiation#IRRECEVABILITE}, refused otherwise
 * @param commentaire         free comment, optional
 */
public record DemandeRadiation(MotifRadiation motif, Attribution attribution, MotifIrrecevabilite motifIrrecevabilite,
                               String commentaire) {
}
