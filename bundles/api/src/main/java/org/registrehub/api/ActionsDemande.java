package org.registrehub.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a caller may do now on one demand: its rights ({@link DroitsRegistre}) within its perimeter, and the demand's
 * state (an active demand is modified, renewed, radiated; one radiated for non-renewal is reactivated within its grace
 * period). A screen offers these actions and no other.
 *
 * @param modifier          modify the dossier
 * @param renouveler        renew for one more year
 * @param motifsRadiation   the reasons it may radiate for now (empty: no radiation)
 * @param reactiver         reactivate
 * @param limiteReactivation last day of the grace period of a demand radiated for non-renewal, otherwise null
 */
public record ActionsDemande(boolean modifier, boolean renouveler, Set<MotifRadiation> motifsRadiation,
                             boolean reactiver, LocalDate limiteReactivation) {

    public ActionsDemande {
        motifsRadiation = motifsRadiation == null ? Set.of() : Set.copyOf(motifsRadiation);
    }

    public boolean radier() {
        return !motifsRadiation.isEmpty();
    }
}
