package org.registrehub.api.attribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A pending demand eligible for a dwelling, with the facts it was matched on and the explanation.
 *
 * @param rang                  its place in the ranked list (1 = first)
 * @param numeroUnique          the demand
 * @param dateDepot             its filing date (ancienneté)
 * @param rangCommune           rank of the dwelling's commune among the communes wished (1 = first wish)
 * @param tailleMenage          persons in the household
 * @param ressourcesMensuelles  monthly resources of the household
 * @param revenuFiscal          reference tax income N-2, if declared
 * @param plafond               the ceiling of the dwelling's financing for this household
 * @param tauxEffort            (rent + charges) / monthly resources, in percent; null without resources
 * @param resteAVivreParUc      (resources − rent − charges) / consumption units, euros a month
 * @param priorites             legal priority categories shown by the dossier
 * @param dalo                  recognised priority and urgent (DALO)
 * @param points                cotation points
 * @param mutation              already a social tenant
 * @param constats              the explanation, criterion by criterion
 */
public record CandidatRapproche(int rang, String numeroUnique, LocalDate dateDepot, int rangCommune,
                                int tailleMenage, BigDecimal ressourcesMensuelles, Long revenuFiscal, long plafond,
                                BigDecimal tauxEffort, BigDecimal resteAVivreParUc, List<String> priorites,
                                boolean dalo, int points, boolean mutation, List<Constat> constats) {
    public CandidatRapproche {
        priorites = List.copyOf(priorites);
        constats = List.copyOf(constats);
    }
}
