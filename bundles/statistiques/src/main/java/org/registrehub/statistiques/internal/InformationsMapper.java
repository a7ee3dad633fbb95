package org.registrehub.statistiques.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.acces.EntreeAudit;

/** The local information's SQL ({@code InformationsMapper.xml}). */
public interface InformationsMapper {

    /** A count of a commune and typology (attributions: with the sum of their waiting days). */
    record Compte(String commune, String typologie, int nombre, long jours) {
    }

    /** The last count of social dwellings of a commune. */
    record Logements(String commune, String libelle, int annee, int nombre) {
    }

    List<Compte> demandes(@Param("commune") String commune);

    List<Compte> attributions(@Param("commune") String commune, @Param("depuis") LocalDate depuis);

    List<Logements> logements(@Param("commune") String commune);

    void enregistrerLogements(@Param("commune") String commune, @Param("annee") int annee,
                              @Param("libelle") String libelle, @Param("nombre") int nombre,
                              @Param("source") String source, @Param("par") String par,
                              @Param("maintenant") Instant maintenant);

    void auditer(@Param("a") EntreeAudit entree);
}
