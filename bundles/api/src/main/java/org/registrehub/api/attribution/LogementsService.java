package org.registrehub.api.attribution;

import java.util.List;

import org.registrehub.api.Contexte;

/**
 * The dwellings landlords offer for attribution. A landlord declares and withdraws its own dwellings; a gestionnaire
 * any of its territories; the réservataire of a dwelling reads it. Every change is historized and audited, every
 * operation checked against the caller's role and territories ({@code AccesRefuseException}); invalid data raise
 * {@code DemandeInvalideException} field by field, with nothing written.
 */
public interface LogementsService {
    /**
     * Declares a dwelling to let. A dwelling has one open offer at a time ({@code EXISTE_DEJA} otherwise).
     */
    LogementOffert declarer(DeclarationLogement declaration, Contexte contexte);

    /** The current offer of a dwelling (the open one, or the last one); {@code INTROUVABLE} if none. */
    LogementOffert logement(String identifiantRpls, Contexte contexte);

    /**
     * The offers the caller sees: its own dwellings (landlord), those reserved for it (réservataire), those of its
     * territories (gestionnaire); most recent first.
     *
     * @param statut only offers in that status (null: all)
     * @param commune only offers in that commune (null: all)
     */
    List<LogementOffert> logements(StatutOffre statut, String commune, Contexte contexte);

    /** Withdraws an open offer (let outside the register, sold, works...): the reason is historized. */
    LogementOffert retirer(String identifiantRpls, String motif, Contexte contexte);

    /** The offer's history, oldest first. */
    List<EvenementLogement> historique(String identifiantRpls, Contexte contexte);

    /**
     * What this user may do with offered dwellings, by its roles (no exception: a role without rights gets all false).
     *
     * @since 1.2.0
     */
    DroitsAttribution droits(Contexte contexte);

    /**
     * What this user may do now with this offer (read through {@link #logement}): the same checks as the operations.
     *
     * @since 1.2.0
     */
    ActionsLogement actions(LogementOffert logement, Contexte contexte);
}
