package org.registrehub.api.attribution.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One candidate as the matching query computes it: its facts, the derived figures, and whether it meets each
 * condition (null: the dossier does not tell).
 */
public record LigneRapprochement(String numeroUnique, LocalDate dateDepot, int rangCommune, int tailleMenage,
                                 BigDecimal unitesConsommation, BigDecimal ressourcesMensuelles, Long revenuFiscal,
                                 BigDecimal loyerMax, boolean ascenseur, boolean rezDeChaussee,
                                 boolean mobiliteReduite, boolean fauteuilRoulant, boolean mutation,
                                 List<String> priorites, boolean dalo, int points, long plafond,
                                 BigDecimal tauxEffort, BigDecimal resteAVivreParUc, boolean occupationOk,
                                 Boolean plafondOk, Boolean tauxEffortOk, Boolean resteAVivreOk,
                                 boolean accessibiliteOk, Boolean loyerMaxOk) {
}
