package org.registrehub.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The dwelling wished for (CERFA 14069, section 7).
 *
 * @param typologies   dwelling types accepted, at least one
 * @param communes     INSEE codes of the communes wished, in order of preference; the first defines the territory
 * @param loyerMax     highest monthly rent the household can pay, optional
 * @param ascenseur    an elevator is needed
 * @param rezDeChaussee a ground floor is needed
 * @param parking      a parking space is wished
 */
public record LogementRecherche(List<Typologie> typologies, List<String> communes, BigDecimal loyerMax,
                                boolean ascenseur, boolean rezDeChaussee, boolean parking) {
}
