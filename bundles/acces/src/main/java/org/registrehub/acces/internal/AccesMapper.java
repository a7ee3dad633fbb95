package org.registrehub.acces.internal;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;

/** SQL of organisations, users and the audit trail ({@code AccesMapper.xml}); rows come back as maps. */
interface AccesMapper {

    Map<String, Object> compte(@Param("identifiant") String identifiant);

    Map<String, Object> organisation(@Param("code") String code);

    List<Map<String, Object>> organisations();

    int creerOrganisation(@Param("code") String code, @Param("type") String type, @Param("nom") String nom,
                          @Param("guichet") String guichet, @Param("active") boolean active);

    int accorderTerritoire(@Param("organisation") String organisation, @Param("territoire") String territoire);

    int revoquerTerritoire(@Param("organisation") String organisation, @Param("territoire") String territoire);

    int definirEpci(@Param("code") String code, @Param("nom") String nom);

    int viderEpci(@Param("code") String code);

    int ajouterCommuneEpci(@Param("code") String code, @Param("commune") String commune);

    Map<String, Object> epci(@Param("code") String code);

    List<Map<String, Object>> epcis();

    Map<String, Object> guichet(@Param("code") String code);

    int changerCoordonnees(@Param("code") String code, @Param("adresse") String adresse,
                           @Param("horaires") String horaires);

    List<Map<String, Object>> guichets(@Param("territoire") String territoire, @Param("commune") String commune);

    int creerUtilisateur(@Param("identifiant") String identifiant, @Param("nom") String nom,
                         @Param("organisation") String organisation, @Param("roles") String roles,
                         @Param("empreinte") String empreinte);

    List<Map<String, Object>> utilisateurs(@Param("organisation") String organisation);

    int activerUtilisateur(@Param("identifiant") String identifiant, @Param("actif") boolean actif);

    int changerEmpreinte(@Param("identifiant") String identifiant, @Param("empreinte") String empreinte);

    long utilisateursActifs(@Param("role") String role);

    int auditer(@Param("e") EntreeAudit entree);

    List<Map<String, Object>> audit(@Param("c") CriteresAudit criteres, @Param("territoires") List<String> territoires,
                                    @Param("limite") int limite, @Param("decalage") int decalage);

    long compterAudit(@Param("c") CriteresAudit criteres, @Param("territoires") List<String> territoires);

    // ---- the staff's web sessions (SessionsWebPostgres)

    int insererSessionWeb(@Param("empreinte") String empreinte, @Param("identifiant") String identifiant,
                          @Param("adresse") String adresse, @Param("maintenant") java.time.Instant maintenant,
                          @Param("expire") java.time.Instant expire, @Param("finMax") java.time.Instant finMax);

    Map<String, Object> toucherSessionWeb(@Param("empreinte") String empreinte,
                                          @Param("maintenant") java.time.Instant maintenant,
                                          @Param("expire") java.time.Instant expire);

    String supprimerSessionWeb(@Param("empreinte") String empreinte);

    int purgerSessionsWeb(@Param("maintenant") java.time.Instant maintenant);
}
