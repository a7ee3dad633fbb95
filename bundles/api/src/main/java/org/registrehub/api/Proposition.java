package org.registrehub.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A dwelling proposed to up to three candidates, to be examined by the commission d'attribution.
 *
 * @param identifiantRpls  the dwelling in the RPLS
 * @param dateProposition  when the candidates were designated (not in the future)
 * @param candidats        one to three demands, each with a distinct rank
 * @param commentaire      free comment, optional
 */
public record Proposition(String identifiantRpls, LocalDate dateProposition, List<Candidat> candidats,
                          String commentaire) {
}
