package org.registrehub.api.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.registrehub.api.Typologie;

/**
 * An offer of a dwelling, as the register keeps it: what was declared, its territory (département of the commune),
 * where it stands and its version (optimistic locking).
 */
public record LogementOffert(String identifiantRpls, String bailleur, String adresse, String commune,
                             String territoire, Typologie typologie, BigDecimal surface, int etage, boolean ascenseur,
                             Accessibilite accessibilite, BigDecimal loyer, BigDecimal charges,
                             Financement financement, Reservataire reservataire, LocalDate dateDisponibilite,
                             StatutOffre statut, long version, Instant declareLe) {
    /** What the household pays each month before housing benefit: rent and charges. */
    public BigDecimal depenseMensuelle() {
        return loyer.add(charges);
    }
}
