package org.registrehub.api.attribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.registrehub.api.DecisionCal;

/**
 * What the members of the commission read about a candidate.
 *
 * @param numeroUnique          the demand
 * @param rang                  its rank for the dwelling
 * @param statut                where the candidature stands
 * @param nom                   the applicant's name as the sheet shows it (family name, first names)
 * @param composition           the household, in words
 * @param tailleMenage          persons
 * @param ressourcesMensuelles  monthly resources
 * @param revenuFiscal          tax income N-2, if declared
 * @param tauxEffort            (rent + charges) / resources for this dwelling, percent
 * @param points                cotation points
 * @param dateDepot             filing date
 * @param ancienneteMois        whole months since the filing
 * @param priorites             legal priority categories
 * @param dalo                  DALO recognised
 * @param decision              the commission's decision, once taken
 * @param motif                 its reason (non-attribution, refusal), if any
 */
public record FicheCandidat(String numeroUnique, int rang, StatutCandidature statut, String nom, String composition,
                            int tailleMenage, BigDecimal ressourcesMensuelles, Long revenuFiscal,
                            BigDecimal tauxEffort, int points, LocalDate dateDepot, long ancienneteMois,
                            List<String> priorites, boolean dalo, DecisionCal decision, String motif) {
    public FicheCandidat {
        priorites = List.copyOf(priorites);
    }
}
