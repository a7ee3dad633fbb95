package org.registrehub.store.internal;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.Demande;
import org.registrehub.api.EvenementDemande;

/** MyBatis mapper; the SQL lives in {@code RegistreMapper.xml} next to this interface. */
public interface RegistreMapper {

    int insererDemande(LigneDemande ligne);

    int mettreAJourDemande(LigneDemande ligne);

    Long versionActuelle(@Param("numeroUnique") String numeroUnique);

    Demande trouverDemande(@Param("numeroUnique") String numeroUnique);

    int insererHistorique(LigneHistorique ligne);

    List<LigneHistorique> historique(@Param("numeroUnique") String numeroUnique);

    long incrementerCompteur(@Param("territoire") String territoire, @Param("moisAnnee") String moisAnnee);

    int insererEvenement(EvenementDemande evenement);

    List<EvenementDemande> verrouillerEvenementsEnAttente(@Param("max") int max);

    int marquerPublies(@Param("ids") List<UUID> ids);

    long compterEnAttente();
}
