package org.registrehub.attestation.internal;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.acces.EntreeAudit;

/** The notices to the applicant ({@code AvisMapper.xml}, table avis_demande of V31). */
public interface AvisMapper {

    /** A notice to send. */
    record LigneAvis(long id, String numeroUnique, String nature, String canal) {
    }

    /** Claims up to {@code lot} notices of this channel, locked (others skip them). */
    List<LigneAvis> aEnvoyer(@Param("canal") String canal, @Param("lot") int lot);

    void marquer(@Param("id") long id, @Param("maintenant") Instant maintenant, @Param("lot") String lot,
                 @Param("observation") String observation);

    /** A notice the server refused by e-mail goes by letter. */
    void parCourrier(@Param("id") long id, @Param("observation") String observation);

    long restants();

    void auditer(@Param("a") EntreeAudit entree);
}
