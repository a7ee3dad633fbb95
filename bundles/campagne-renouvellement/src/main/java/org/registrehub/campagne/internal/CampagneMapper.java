package org.registrehub.campagne.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.LotCourrier;
import org.registrehub.api.renouvellement.spi.CampagneStore.AvisNouveau;
import org.registrehub.api.renouvellement.spi.CampagneStore.Campagne;
import org.registrehub.api.renouvellement.spi.CampagneStore.Compte;
import org.registrehub.api.renouvellement.spi.CampagneStore.CompteGuichet;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeARadier;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeDue;
import org.registrehub.api.renouvellement.spi.CampagneStore.Jeton;

/** MyBatis mapper of the renewal campaign; the SQL lives in {@code CampagneMapper.xml}. */
public interface CampagneMapper {

    int creer(@Param("jour") LocalDate jour, @Param("maintenant") Instant maintenant);

    int attribuer(@Param("id") long id, @Param("noeud") String noeud);

    int terminer(@Param("id") long id, @Param("fin") Instant fin, @Param("erreur") String erreur);

    Campagne campagne(@Param("jour") LocalDate jour);

    List<Campagne> campagnes(@Param("nombre") int nombre);

    List<String> territoires();

    List<DemandeDue> aAviser(@Param("territoire") String territoire, @Param("limite") LocalDate limite,
                             @Param("depuisValidite") LocalDate depuisValidite, @Param("apres") String apres,
                             @Param("taille") int taille);

    List<CompteGuichet> compterAAviser(@Param("territoire") String territoire, @Param("limite") LocalDate limite);

    List<Avis> reserver(@Param("campagne") Long campagne, @Param("avis") List<AvisNouveau> avis);

    /** The transaction's statements planned for their values (never a plan cached when the table was small). */
    void planSurMesure();

    int marquer(@Param("ids") List<Long> ids, @Param("etat") String etat, @Param("dateEnvoi") LocalDate dateEnvoi,
                @Param("fichier") String fichier);

    int versCourrier(@Param("id") long id);

    int liberer(@Param("ids") List<Long> ids);

    int incertains(@Param("campagne") long campagne, @Param("maintenant") Instant maintenant);

    List<String> prendreCourriers(@Param("campagne") long campagne, @Param("maintenant") Instant maintenant);

    List<Avis> courriers(@Param("campagne") long campagne, @Param("guichet") String guichet,
                         @Param("nature") String nature);

    List<DemandeDue> destinataires(@Param("numeros") List<String> numeros);

    List<LotCourrier> courriersEnAttente();

    int lotEcrit(@Param("campagne") long campagne, @Param("l") LotCourrier lot);

    List<LotCourrier> lots(@Param("campagne") long campagne);

    List<DemandeARadier> expirees(@Param("territoire") String territoire, @Param("jour") LocalDate jour,
                                  @Param("envoi") LocalDate envoiAuPlusTard,
                                  @Param("depuisValidite") LocalDate depuisValidite, @Param("apres") String apres,
                                  @Param("taille") int taille);

    List<DemandeARadier> sansReponse(@Param("territoire") String territoire, @Param("envoi") LocalDate envoi,
                                     @Param("apres") String apres, @Param("taille") int taille);

    List<Compte> compterRadiations(@Param("territoire") String territoire, @Param("jour") LocalDate jour,
                                   @Param("envoiAvis") LocalDate envoiAvis,
                                   @Param("envoiLettre") LocalDate envoiLettre);

    int cloreNonReponses();

    int radiee(@Param("campagne") long campagne, @Param("numero") String numero, @Param("motif") String motif,
               @Param("guichet") String guichet);

    List<Compte> comptes(@Param("campagne") long campagne);

    List<Avis> avisDe(@Param("numero") String numero);

    List<Avis> engagerNonReponse(@Param("a") AvisNouveau avis);

    int enregistrerJetons(@Param("jetons") List<Jeton> jetons);

    Jeton jeton(@Param("empreinte") String empreinte);

    int utiliserJeton(@Param("empreinte") String empreinte, @Param("maintenant") Instant maintenant);

    int rendreJeton(@Param("empreinte") String empreinte);
}
