package org.registrehub.store.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.registrehub.api.Dossier;
import org.registrehub.api.spi.JsonCodec;

/** Reads and writes the {@code dossier} JSONB column with the hub's JSON codec (same shape as the REST API). */
public class DossierTypeHandler extends BaseTypeHandler<Dossier> {

    private final JsonCodec json;

    public DossierTypeHandler(JsonCodec json) {
        this.json = json;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Dossier parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setObject(i, json.ecrire(parameter), Types.OTHER);
    }

    @Override
    public Dossier getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return lire(rs.getString(columnName));
    }

    @Override
    public Dossier getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return lire(rs.getString(columnIndex));
    }

    @Override
    public Dossier getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return lire(cs.getString(columnIndex));
    }

    private Dossier lire(String valeur) {
        return valeur == null ? null : json.lire(valeur, Dossier.class);
    }
}
