package org.registrehub.store.internal;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A capability's mapper as the core sees it, for the core's own tests (SQL in annotations: no XML needed). */
public interface SondeMapper {

    @Insert("INSERT INTO compteur_numero (territoire, mois_annee, dernier) VALUES (#{territoire}, '1123', 1)")
    int ecrire(@Param("territoire") String territoire);

    @Select("SELECT count(*) FROM compteur_numero")
    long compter();
}
