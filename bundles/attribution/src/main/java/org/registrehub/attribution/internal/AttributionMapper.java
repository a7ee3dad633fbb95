package org.registrehub.attribution.internal;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.spi.LigneRapprochement;
import org.registrehub.api.attribution.spi.RequeteRapprochement;

/** The attribution capability's SQL ({@code AttributionMapper.xml}). */
public interface AttributionMapper {

    long insererLogement(@Param("l") LogementOffert logement);

    void insererHistorique(@Param("logement") long logement, @Param("e") EvenementLogement evenement);

    void auditer(@Param("a") EntreeAudit entree);

    /** The ERP message applied, for its idempotence; 0 if it was already there. */
    int enregistrerMessage(@Param("r") org.registrehub.api.MessageRecu recu);

    /** The open offer of the dwelling, else its last one, locked for update when asked. */
    LigneLogement logement(@Param("rpls") String identifiantRpls, @Param("verrouiller") boolean verrouiller);

    List<LigneLogement> logements(@Param("organisation") String organisation,
                                  @Param("departements") Collection<String> departements,
                                  @Param("communes") Collection<String> communes, @Param("statut") String statut,
                                  @Param("commune") String commune, @Param("limite") int limite);

    int changerStatut(@Param("id") long id, @Param("version") long version, @Param("statut") String statut);

    List<EvenementLogement> historique(@Param("logement") long logement);

    List<LigneRapprochement> candidats(@Param("q") RequeteRapprochement requete);

    long eligibles(@Param("q") RequeteRapprochement requete, @Param("plafond") long plafond);

    // ---------------------------------------------------------------- cotation

    LigneGrille insererGrille(@Param("territoire") String territoire, @Param("criteres") String criteres,
                              @Param("acteur") String acteur, @Param("organisation") String organisation,
                              @Param("canal") String canal, @Param("creeLe") java.time.Instant creeLe);

    LigneGrille grille(@Param("territoire") String territoire);

    List<LigneGrille> versions(@Param("territoire") String territoire);

    List<LigneGrille> nonAppliquees();

    List<Long> demandesDuTerritoire(@Param("territoire") String territoire);

    long recalculer(@Param("ids") Long[] ids, @Param("jour") java.time.LocalDate jour);

    void marquerAppliquee(@Param("territoire") String territoire, @Param("version") int version);

    List<Long> anniversaires(@Param("jours") Integer[] jours);

    java.time.LocalDate derniereMiseAJour();

    void marquerMiseAJour(@Param("jour") java.time.LocalDate jour, @Param("demandes") long demandes);

    List<String> communesEpci(@Param("epci") String epci);

    LigneCotation cotation(@Param("numero") String numero, @Param("jour") java.time.LocalDate jour);

    // ---------------------------------------------------------------- candidatures

    List<org.registrehub.api.attribution.Candidature> candidatures(@Param("logement") long logement);

    List<LigneEtatDemande> etatsDemandes(@Param("numeros") Collection<String> numeros);

    List<LigneAilleurs> ailleurs(@Param("numeros") Collection<String> numeros, @Param("rpls") String rpls);

    void insererCandidature(@Param("logement") long logement,
                            @Param("c") org.registrehub.api.attribution.spi.CandidatureStore.Nouvelle c);

    int annulerCandidatures(@Param("logement") long logement);

    int proposer(@Param("id") long id, @Param("version") long version, @Param("motif") String motif);

    void insererSuiviProposition(@Param("rpls") String rpls,
                                 @Param("c") org.registrehub.api.attribution.spi.CandidatureStore.Nouvelle c,
                                 @Param("s") org.registrehub.api.attribution.spi.CandidatureStore.Suivi s,
                                 @Param("messageId") String messageId);

    // ---------------------------------------------------------------- commissions

    long insererCommission(@Param("c") org.registrehub.api.attribution.spi.CommissionStore.EnTete c,
                           @Param("acteur") String acteur, @Param("organisation") String organisation);

    int inscrireLogement(@Param("commission") long commission, @Param("rpls") String rpls, @Param("ordre") int ordre);

    List<org.registrehub.api.attribution.ResumeCommission> commissions(@Param("bailleur") String bailleur,
                                                                       @Param("departements")
                                                                       java.util.Set<String> departements,
                                                                       @Param("limite") int limite);

    org.registrehub.api.attribution.spi.CommissionStore.EnTete commission(@Param("id") long id,
                                                                           @Param("verrouiller") boolean verrouiller);

    List<String> logementsCommission(@Param("id") long id);

    List<org.registrehub.api.attribution.spi.CommissionStore.Fiche> fiches(@Param("id") long id,
                                                                            @Param("jour") java.time.LocalDate jour);

    List<LigneAilleurs> attribueesAilleurs(@Param("numeros") Collection<String> numeros, @Param("rpls") String rpls);

    void insererSuiviDecision(@Param("rpls") String rpls,
                              @Param("d") org.registrehub.api.attribution.spi.CommissionStore.Decision d);

    int rattacherDecision(@Param("commission") long commission, @Param("rpls") String rpls,
                          @Param("numero") String numero, @Param("motif") String motif);

    void tenir(@Param("id") long id);

    Long idLogement(@Param("rpls") String rpls);

    org.registrehub.api.attribution.MotifMoinsDeTrois motifMoinsDeTrois(@Param("rpls") String rpls);

    List<org.registrehub.api.attribution.spi.NotificationStore.AEnvoyer> notificationsAEnvoyer(
            @Param("canal") String canal, @Param("limite") int limite);

    int notificationEnvoyee(@Param("id") long id, @Param("lot") String lot);

    int notificationParCourrier(@Param("id") long id, @Param("observation") String observation);

    int notificationsEnCourrier(@Param("observation") String observation);

    long notificationsRestantes();

    List<org.registrehub.api.attribution.NotificationCandidat> notifications(@Param("numero") String numeroUnique);
}
