package org.registrehub.api.attribution.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.GrilleCotation;
import org.registrehub.api.attribution.PointsCritere;

/** Cotation grids, the points of the demands, and what a demand's cotation shows. */
public interface CotationStore {
    /** Records a new version of the grid with its audit line; returns it. */
    GrilleCotation enregistrer(GrilleCotation grille, String canal, EntreeAudit audit);

    Optional<GrilleCotation> grille(String territoire);

    List<GrilleCotation> versions(String territoire);

    /** The grids not applied to every demand yet, oldest first. */
    List<GrilleCotation> nonAppliquees();

    /** The ids of the pending demands a territory's grid scores (its département, or the EPCI's communes). */
    List<Long> demandesDuTerritoire(String territoire);

    /** Scores these demands again on that day; returns how many changed. One transaction. */
    long recalculer(List<Long> demandes, LocalDate jour);

    void marquerAppliquee(String territoire, int version);

    /** The pending demands whose filing day of month is one of these and whose grid counts ancienneté. */
    List<Long> anniversaires(List<Integer> joursDuMois);

    /** The last day the daily update finished. */
    Optional<LocalDate> derniereMiseAJour();

    void marquerMiseAJour(LocalDate jour, long demandes);

    /** Adds a line to the audit trail (a nominative read). */
    void auditer(EntreeAudit entree);

    /** The communes of an EPCI (empty if unknown). */
    List<String> communesEpci(String epci);

    /** A pending demand's cotation on that day, or empty if it is not pending. */
    Optional<Cotation> cotation(String numeroUnique, LocalDate jour);

    /**
     * A demand's cotation as the database computes it.
     *
     * @param territoireDemande the demand's département
     * @param communes          its communes wished
     */
    record Cotation(String territoireDemande, List<String> communes, String territoireGrille, int versionGrille,
                    int points, List<PointsCritere> detail, String commune, String typologie, long position,
                    long comparees, long attributions, Double delaiMoyenJours) {
    }
}
