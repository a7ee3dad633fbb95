package org.registrehub.departemental.internal;

import java.time.Instant;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.registrehub.api.departemental.spi.ExtraitStore.ChangementExtrait;
import org.registrehub.api.departemental.spi.ExtraitStore.Extrait;

/** MyBatis mapper of the outbound extracts; the SQL lives in {@code ExtraitMapper.xml}. */
public interface ExtraitMapper {

    boolean verrouiller();

    Extrait dernier();

    Cursor<ChangementExtrait> changements(@Param("depuis") Instant depuis, @Param("jusqua") Instant jusqua);

    int inserer(@Param("e") Extrait extrait);
}
