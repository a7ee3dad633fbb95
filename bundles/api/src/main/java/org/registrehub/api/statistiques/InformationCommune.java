package org.registrehub.api.statistiques;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.registrehub.api.Typologie;

/**
 * What the register publishes about a commune (CCH L441-2-6: the applicant is informed of the local context): its
 * social dwellings, its pending demands by typology, its attributions of the last two years by typology, and the
 * average waiting time of those attributions. Counts under the secret statistique's threshold are masked: a masked
 * value is null, and its name is in {@link #masques()} ({@code demandes.T2}, {@code attributions.TOTAL},
 * {@code delaiMoyenMois}).
 *
 * @param commune          INSEE code
 * @param libelle          its name, as the dwellings' file gives it (or null)
 * @param logementsSociaux social dwellings of the commune (RPLS), or null when none was imported
 * @param anneeLogements   the year of that count
 * @param demandes         pending demands whose first wish is this commune, by first typology wished
 * @param demandesTotal    their total
 * @param attributions     demands satisfied in the commune over the two years to {@code depuis}, by typology
 * @param attributionsTotal their total
 * @param delaiMoyenMois   average months from filing to attribution of those, one decimal
 * @since 1.5.0
 */
public record InformationCommune(String commune, String libelle, Integer logementsSociaux, Integer anneeLogements,
                                 Map<Typologie, Integer> demandes, Integer demandesTotal,
                                 Map<Typologie, Integer> attributions, Integer attributionsTotal,
                                 BigDecimal delaiMoyenMois, Set<String> masques) {
}
