package org.registrehub.attribution.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A comma-separated text column read as a list ("" is the empty list). */
public class ListeTexteTypeHandler extends BaseTypeHandler<List<String>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<String> valeur, JdbcType type)
            throws SQLException {
        ps.setString(i, String.join(",", valeur));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, String colonne) throws SQLException {
        return liste(rs.getString(colonne));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, int index) throws SQLException {
        return liste(rs.getString(index));
    }

    @Override
    public List<String> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return liste(cs.getString(index));
    }

    private static List<String> liste(String texte) {
        return texte == null || texte.isEmpty() ? List.of() : Arrays.asList(texte.split(","));
    }
}
