package org.registrehub.api.renouvellement.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.LotCourrier;

/**
 * The renewal campaign's persistence: one campaign a day (held by one node at a time through the cluster's lease
 * {@code campagne-renouvellement:<jour>}, {@code BauxCluster}), the notices (at most
 * one renewal notice per demand and end of validity, at most one open non-response procedure per demand: the database
 * refuses the second), the letter batches, the radiations made, the one-time renewal links.
 */
public interface CampagneStore {

    /** The prefix of a day's campaign lease in the cluster's leases: {@code campagne-renouvellement:2026-12-06}. */
    String BAIL = "campagne-renouvellement:";

    /** A day's campaign and the node that runs (or ran) it. */
    record Campagne(long id, LocalDate jour, String etat, String noeud, Instant debut, Instant fin,
                    long incertains, long echecs, String erreur) {
    }

    /** A demand to notify: its end of validity, its guichet, how to reach the applicant. */
    record DemandeDue(String numeroUnique, String territoire, String guichet, LocalDate dateDepot,
                      LocalDate finValidite, long version, String destinataire, String email, String adresse,
                      String codePostal, String ville) {
    }

    /** A notice to reserve. */
    record AvisNouveau(String numeroUnique, String nature, String canal, String guichet, LocalDate finValidite,
                       long versionDemande, String objet) {
    }

    /** A demand the campaign radiates, at the version read. */
    record DemandeARadier(String numeroUnique, String guichet, LocalDate finValidite, long version) {
    }

    /** Counts by guichet (preview). */
    record CompteGuichet(String guichet, long courriels, long lettres) {
    }

    /** A letter to print: the notice and the demand's addressee. */
    record Lettre(Avis avis, DemandeDue demande) {
    }

    /** A renewal link: the fingerprint of its token, the demand, its expiry, when it was used. */
    record Jeton(String empreinte, long avis, String numeroUnique, Instant expire, Instant utilise) {
    }

    /**
     * The campaign of {@code jour}, created (started at {@code maintenant}) if there is none yet; the caller takes its
     * lease before running it.
     */
    Campagne ouvrir(LocalDate jour, Instant maintenant);

    /** Records the node that runs the campaign now (it holds the lease). */
    void attribuer(long campagne, String noeud);

    /** Ends the campaign ({@code erreur} null) or records why it stopped (it stays {@code EN_COURS}). */
    void terminer(long campagne, Instant fin, String erreur);

    Optional<Campagne> campagne(LocalDate jour);

    List<Campagne> campagnes(int nombre);

    /** The territories that have active demands. */
    List<String> territoires();

    /**
     * Active demands of {@code territoire} valid until {@code limite} at the latest that have no renewal notice for
     * this end of validity, by end of validity then numéro, after {@code apres} ({@code null}: from the start).
     */
    List<DemandeDue> aAviser(String territoire, LocalDate limite, DemandeDue apres, int taille);

    /** The same demands counted by guichet and by channel (email when an address is known). */
    List<CompteGuichet> compterAAviser(String territoire, LocalDate limite);

    /** Reserves the notices that nobody reserved before; returns those reserved now. */
    List<Avis> reserver(Long campagne, List<AvisNouveau> avis);

    /** Records the fate of notices: state, sending day, batch file. */
    void marquer(List<Long> avis, String etat, LocalDate dateEnvoi, String fichier);

    /** An email refused by the SMTP server: the notice goes by letter. */
    void versCourrier(long avis);

    /** Gives back notices reserved but not sent (the SMTP server was unreachable): they will be reserved again. */
    void liberer(List<Long> avis);

    /**
     * On a resume, the emails a stopped node left reserved: those whose link was recorded (the sending was attempted)
     * become {@code INCERTAIN}, never sent again; the others are given back, to be reserved and sent again.
     *
     * The same for the campaigns of other days whose node is gone (lease over at {@code maintenant}), never for a
     * campaign still running elsewhere.
     *
     * @return the number of {@code INCERTAIN} emails
     */
    int incertains(long campagne, Instant maintenant);

    /**
     * Takes every letter still to print into the campaign (those of no campaign, of this one, or of a campaign whose
     * node is gone at {@code maintenant}); returns the guichets that have some.
     */
    List<String> prendreCourriers(long campagne, Instant maintenant);

    /** The letters of a nature still to print for a guichet, with their addressees, in numéro order. */
    List<Lettre> courriers(long campagne, String guichet, String nature);

    /** Letters still to print by guichet and nature (preview): guichet, nature, count. */
    List<LotCourrier> courriersEnAttente();

    /** Records a letter batch written (and marks its letters sent). */
    void lotEcrit(long campagne, LotCourrier lot, List<Long> avis, LocalDate jour);

    List<LotCourrier> lots(long campagne);

    /**
     * Active demands of {@code territoire} expired before {@code jour} whose renewal notice for that end of validity
     * went out on {@code envoiAuPlusTard} at the latest.
     */
    List<DemandeARadier> expirees(String territoire, LocalDate jour, LocalDate envoiAuPlusTard, DemandeARadier apres,
                                  int taille);

    /**
     * Active demands of {@code territoire} whose traceable letter went out on {@code envoiAuPlusTard} at the latest
     * and that did not change since, in numéro order after {@code apres}.
     */
    List<DemandeARadier> sansReponse(String territoire, LocalDate envoiAuPlusTard, DemandeARadier apres, int taille);

    /** The radiations the campaign of {@code jour} would make in {@code territoire}, by guichet (preview). */
    List<Compte> compterRadiations(String territoire, LocalDate jour, LocalDate avisEnvoyeAuPlusTard,
                                   LocalDate lettreEnvoyeeAuPlusTard);

    /** Closes the traceable letters answered (the demand changed since) or ended by a radiation. */
    int cloreNonReponses();

    /** Records a radiation made by the campaign. */
    void radiee(long campagne, String numeroUnique, String motif, String guichet);

    /** What the campaign did, by guichet. */
    List<Compte> comptes(long campagne);

    /** A campaign's counts for one guichet. */
    record Compte(String guichet, long courriels, long lettres, long recommandes, long radiationsNonRenouvellement,
                  long radiationsNonReponse, BigDecimal affranchissement) {
    }

    /** Every notice of a demand, oldest first. */
    List<Avis> avisDe(String numeroUnique);

    /** Opens the non-response procedure; false if one is already open. */
    Optional<Avis> engagerNonReponse(AvisNouveau avis);

    /**
     * Records the links of a group of e-mails in one statement, before any of them goes out (their use date is
     * ignored): from then on, until {@link #marquer}, each of these notices counts as attempted.
     */
    void enregistrerJetons(List<Jeton> jetons);

    Optional<Jeton> jeton(String empreinte);

    /** Uses a token once: false if unknown, used or expired at {@code maintenant}. */
    boolean utiliserJeton(String empreinte, Instant maintenant);

    /** Makes a used token usable again (the renewal it was used for failed). */
    void rendreJeton(String empreinte);
}
