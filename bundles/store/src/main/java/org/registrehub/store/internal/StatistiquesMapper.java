package org.registrehub.store.internal;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneFlux;

/** MyBatis mapper of the statistics; the SQL lives in {@code StatistiquesMapper.xml}. */
public interface StatistiquesMapper {

    List<LigneFlux> flux(@Param("granularite") Granularite granularite, @Param("debut") LocalDate debut,
                         @Param("fin") LocalDate fin);
}
