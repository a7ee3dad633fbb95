package org.registrehub.store.internal;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.spi.BauxCluster.Bail;

/** MyBatis mapper of the cluster's leases; the SQL lives in {@code BailMapper.xml} next to this interface. */
public interface BailMapper {

    int prendre(@Param("nom") String nom, @Param("noeud") String noeud, @Param("secondes") long secondes);

    int prolonger(@Param("nom") String nom, @Param("noeud") String noeud, @Param("secondes") long secondes);

    int rendre(@Param("nom") String nom, @Param("noeud") String noeud);

    Bail bail(@Param("nom") String nom);
}
