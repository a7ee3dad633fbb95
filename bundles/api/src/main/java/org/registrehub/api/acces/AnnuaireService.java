package org.registrehub.api.acces;

import java.util.List;

/**
 * The public directory of guichets: for a commune, the active guichets enregistreurs of its département (a demand can
 * be filed at any of them, CCH R441-2-1). No authentication, no nominative data.
 */
public interface AnnuaireService {

    /**
     * @param commune INSEE code of the commune ({@code 44109}, {@code 2A004})
     * @throws org.registrehub.api.DemandeInvalideException if the code is not an INSEE commune code
     */
    List<Guichet> guichets(String commune);
}
