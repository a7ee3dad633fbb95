package org.registrehub.api.statistiques;

import java.time.LocalDate;

/**
 * Which table to export or show, with its parameters (those it does not use are ignored; null ones take the
 * defaults: the last twelve full months, by département, the whole hub).
 *
 * @param tableau     {@code flux}, {@code repartition}, {@code delais}, {@code satisfaction}, {@code series},
 *                    {@code qualite}, {@code attributions} (satisfied demands), {@code pression} (by commune) or
 *                    {@code accords} (accords collectifs of the period's last year)
 * @param dimension   for {@code repartition}
 * @param departement for {@code series}: one département, or null for all
 * @param diffusion   the table leaves the circle of the gestionnaires and observateurs (published, sent to a partner):
 *                    its small cells are masked ({@link Secret}) even for a caller of the circle
 * @param dimensionAttribution for {@code attributions} (default: typology)
 */
public record TableauDemande(String tableau, LocalDate debut, LocalDate fin, Granularite granularite,
                             Dimension dimension, String departement, boolean diffusion,
                             DimensionAttribution dimensionAttribution) {

    /** A table without a breakdown of the satisfied demands (API 1.3). */
    public TableauDemande(String tableau, LocalDate debut, LocalDate fin, Granularite granularite,
                          Dimension dimension, String departement, boolean diffusion) {
        this(tableau, debut, fin, granularite, dimension, departement, diffusion, null);
    }

    /** A table for the caller's own reading. */
    public TableauDemande(String tableau, LocalDate debut, LocalDate fin, Granularite granularite,
                          Dimension dimension, String departement) {
        this(tableau, debut, fin, granularite, dimension, departement, false);
    }
}
