package org.registrehub.api.attribution;

import java.util.List;

/**
 * Candidates designated for an offered dwelling, added to those it has (three at most in all, each rank once).
 *
 * @param candidats         one to three demands, ranked
 * @param motifMoinsDeTrois required when the dwelling then has fewer than three candidates
 * @param commentaire       free comment, optional
 */
public record Designation(List<CandidatDesigne> candidats, MotifMoinsDeTrois motifMoinsDeTrois, String commentaire) {
}
