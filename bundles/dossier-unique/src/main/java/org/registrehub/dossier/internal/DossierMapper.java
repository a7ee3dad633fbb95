package org.registrehub.dossier.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.dossier.Piece;

/** The dossier unique's SQL ({@code DossierMapper.xml}). */
public interface DossierMapper {

    /** A document's content as stored. */
    record LigneContenu(Piece piece, byte[] contenu) {
    }

    long inserer(@Param("p") Piece piece, @Param("contenu") byte[] contenu, @Param("canal") String canal);

    /** Withdraws a document in force of the demand; 0 if there is none with this id. */
    int retirer(@Param("numero") String numero, @Param("id") long id, @Param("par") String par,
                @Param("remplacee") Long remplaceePar);

    List<Piece> pieces(@Param("numero") String numero);

    int nombre(@Param("numero") String numero);

    LigneContenu contenu(@Param("numero") String numero, @Param("id") long id);

    void auditer(@Param("a") EntreeAudit entree);
}
