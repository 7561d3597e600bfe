package dev.oms.projections.order;

import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A WHERE clause built from optional filters: a condition whose value is null is left out. */
final class Where {
    private final List<String> conditions;
    private final List<Object> parameters;

    Where(String condition) {
        this(List.of(condition), List.of());
    }

    private Where(List<String> conditions, List<Object> parameters) {
        this.conditions = List.copyOf(conditions);
        this.parameters = List.copyOf(parameters);
    }

    /** Adds {@code condition} with its parameters, unless the first of them is null. */
    Where and(String condition, Object... values) {
        if (values.length > 0 && values[0] == null) {
            return this;
        }
        List<String> c = new ArrayList<>(conditions);
        c.add(condition);
        List<Object> p = new ArrayList<>(parameters);
        p.addAll(Arrays.asList(values));
        return new Where(c, p);
    }

    String sql() {
        return String.join(" AND ", conditions);
    }

    Object[] parametersAnd(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }

    int count(Connection c, String table) throws SQLException {
        return Jdbc.list(c, "SELECT count(*) FROM " + table + " WHERE " + sql(), row -> row.getInt(1),
                parametersAnd()).get(0);
    }
}
