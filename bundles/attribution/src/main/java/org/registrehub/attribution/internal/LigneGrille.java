package org.registrehub.attribution.internal;

import java.time.Instant;

/** A row of {@code grille_cotation} as the mapper reads it (the criteria as JSON text). */
public record LigneGrille(String territoire, int version, String criteres, String acteur, String organisation,
                          Instant creeLe, Instant appliqueeLe) {
}
