package org.registrehub.enregistrement.internal;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.Doublon;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.ResumeDemande;

/** MyBatis mapper; the SQL lives in {@code RegistreMapper.xml} next to this interface. */
public interface RegistreMapper {

    int insererDemande(LigneDemande ligne);

    int mettreAJourDemande(LigneDemande ligne);

    Long versionActuelle(@Param("numeroUnique") String numeroUnique);

    Demande trouverDemande(@Param("numeroUnique") String numeroUnique);

    int insererHistorique(LigneHistorique ligne);

    /** {@code ordre} is an ORDER BY expression chosen by the store from a closed list, never from the caller. */
    List<ResumeDemande> rechercher(@Param("c") CriteresRecherche criteres,
                                   @Param("territoires") List<String> territoires,
                                   @Param("communes") List<String> communes, @Param("ordre") String ordre,
                                   @Param("taille") int taille, @Param("offset") int offset);

    /**
     * For the rest of the transaction, plans every statement for its actual values: a search on a frequent name or a
     * dense commune needs another plan than one on a rare one, and a generic plan (which PostgreSQL adopts for a
     * statement prepared on a pooled connection after five runs) would serve both with one.
     */
    void plansSurMesure();

    List<String> guichets(@Param("territoire") String territoire);

    long compter(@Param("c") CriteresRecherche criteres, @Param("territoires") List<String> territoires,
                 @Param("communes") List<String> communes, @Param("limite") int limite);

    List<LigneDoublon> doublons(Personne demandeur);

    int verrouillerIdentite(Personne demandeur);

    List<LigneHistorique> historique(@Param("numeroUnique") String numeroUnique);

    int insererEvenement(EvenementDemande evenement);

    boolean prendreLeRelais();

    List<LigneEvenement> verrouillerEvenementsEnAttente(@Param("max") int max);

    int insererMessageAccepte(@Param("r") org.registrehub.api.MessageRecu recu,
                              @Param("numeroUnique") String numeroUnique);

    int marquerPublies(@Param("ids") List<UUID> ids);

    int auditerDiffusion(@Param("ids") List<UUID> ids);

    long compterEnAttente();
}
