package org.registrehub.enregistrement.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.acces.EntreeAudit;

/** MyBatis mapper of the ERP channel's tables; the SQL lives in {@code ErpMapper.xml} next to this interface. */
public interface ErpMapper {

    LigneMessageErp message(@Param("organisation") String organisation, @Param("messageId") String messageId);

    int insererMessage(@Param("r") MessageRecu recu, @Param("statut") String statut,
                       @Param("numeroUnique") String numeroUnique, @Param("erreurs") String erreurs);

    List<LigneMessageErp> derniersParOrganisation();

    int insererSuivi(@Param("s") SuiviAttribution suivi, @Param("messageId") String messageId);

    List<SuiviAttribution> suivi(@Param("numeroUnique") String numeroUnique);

    int auditer(@Param("e") EntreeAudit entree);
}
