package org.registrehub.national.internal;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.national.EtatNational;
import org.registrehub.api.national.EtatTache;

/** MyBatis mapper of the national synchronization; the SQL lives in {@code NationalMapper.xml}. */
public interface NationalMapper {

    List<LigneEvenement> evenementsAEnvoyer(@Param("max") int max);

    int marquer(@Param("evenementId") java.util.UUID evenementId, @Param("refus") String refus);

    long compterEnAttente();

    Instant plusAncienEnAttente();

    long compterRefus();

    List<String> derniersRefus(@Param("max") int max);



    int reussite(@Param("tache") String tache, @Param("bilan") String bilan);

    int echec(@Param("tache") String tache, @Param("erreur") String erreur);

    List<EtatTache> etats();

    Instant curseur(@Param("tache") String tache, @Param("territoire") String territoire);

    int avancer(@Param("tache") String tache, @Param("territoire") String territoire,
                @Param("curseur") Instant curseur);

    List<String> numerosEnAttente(@Param("territoire") String territoire);

    int insererDoublon(@Param("numero") String numero, @Param("doublon") String doublon,
                       @Param("critere") String critere, @Param("horodatage") Instant horodatage);

    int insererRecoursDalo(@Param("numero") String numero, @Param("date") java.time.LocalDate date,
                           @Param("decision") String decision, @Param("origine") String origine,
                           @Param("horodatage") Instant horodatage);

    int auditer(@Param("operation") String operation, @Param("numero") String numero,
                @Param("details") String details);

    List<EtatNational> etatsLocaux(@Param("territoire") String territoire, @Param("apres") String apres,
                                   @Param("max") int max);

    int insererRapport(@Param("debut") Instant debut, @Param("fin") Instant fin, @Param("ecarts") int ecarts,
                       @Param("corriges") int corriges, @Param("texte") String texte);

    String dernierRapport();
}
