package org.registrehub.api;

import java.util.Set;

/**
 * What a caller's roles allow on the register, whatever the demand: what a screen's menus offer. The operations
 * themselves check again (role, perimeter, state).
 *
 * @param lire            read and search demands of its perimeter
 * @param enregistrer     register new demands
 * @param changer         modify, renew, reactivate
 * @param motifsRadiation the reasons it may radiate for (empty: none)
 * @param tousGuichets    registers under any guichet code of its territory (a gestionnaire); otherwise under its
 *                        organisation's own code only
 * @param importer        imports departmental extracts into its territories
 */
public record DroitsRegistre(boolean lire, boolean enregistrer, boolean changer, Set<MotifRadiation> motifsRadiation,
                             boolean tousGuichets, boolean importer) {

    public DroitsRegistre {
        motifsRadiation = motifsRadiation == null ? Set.of() : Set.copyOf(motifsRadiation);
    }
}
