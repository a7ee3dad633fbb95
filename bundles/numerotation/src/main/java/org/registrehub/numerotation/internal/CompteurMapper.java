package org.registrehub.numerotation.internal;

import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the numbering counters; the SQL lives in {@code CompteurMapper.xml} next to this interface. */
public interface CompteurMapper {

    long incrementer(@Param("territoire") String territoire, @Param("moisAnnee") String moisAnnee);

    long reserver(@Param("territoire") String territoire, @Param("moisAnnee") String moisAnnee,
                  @Param("nombre") int nombre);

    int relever(@Param("territoire") String territoire, @Param("moisAnnee") String moisAnnee,
                @Param("valeur") long valeur);
}
