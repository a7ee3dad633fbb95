package org.registrehub.store.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.registrehub.api.spi.JsonCodec;

/** Reads and writes a JSONB column with the hub's JSON codec (the same shape as the REST API). */
public class JsonTypeHandler<T> extends BaseTypeHandler<T> {

    private final JsonCodec json;
    private final Class<T> type;

    public JsonTypeHandler(JsonCodec json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, T parameter, JdbcType jdbcType) throws SQLException {
        ps.setObject(i, json.ecrire(parameter), Types.OTHER);
    }

    @Override
    public T getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return lire(rs.getString(columnName));
    }

    @Override
    public T getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return lire(rs.getString(columnIndex));
    }

    @Override
    public T getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return lire(cs.getString(columnIndex));
    }

    private T lire(String valeur) {
        return valeur == null ? null : json.lire(valeur, type);
    }
}
