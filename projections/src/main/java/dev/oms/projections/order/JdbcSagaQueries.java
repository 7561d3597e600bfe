package dev.oms.projections.order;

import dev.oms.projections.api.Edge;
import dev.oms.projections.api.Page;
import dev.oms.projections.api.SagaFilter;
import dev.oms.projections.api.SagaQueries;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.internal.Jdbc;
import dev.oms.projections.internal.KeysetCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Sagas newest first by start, which never changes, so a saga that moves on keeps its place between pages. */
final class JdbcSagaQueries implements SagaQueries {
    private static final String CURSOR_LIST = "saga";

    private final DataSource dataSource;

    JdbcSagaQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Page<SagaView> sagas(SagaFilter filter, int first, String after) {
        Page.checkSize(first);
        KeysetCursor from = after == null ? null : KeysetCursor.decode(CURSOR_LIST, after);
        Where where = new Where("true").and("status = ?", filter.status())
                .and("updated_at < ?", filter.updatedBefore());
        try (Connection c = dataSource.getConnection()) {
            int total = where.count(c, "order_saga_view");
            Where page = from == null ? where : where.and("(started_at, saga_id) < (?, ?)", from.at(), from.id());
            List<SagaView> sagas = read(c, """
                    SELECT %s
                      FROM (SELECT * FROM order_saga_view WHERE %s ORDER BY started_at DESC, saga_id DESC LIMIT ?) s
                      LEFT JOIN order_saga_step_view st ON st.saga_id = s.saga_id
                     ORDER BY s.started_at DESC, s.saga_id DESC, st.position""".formatted(SagaRows.COLUMNS, page.sql()),
                    page.parametersAnd(first + 1));
            List<Edge<SagaView>> edges = new ArrayList<>();
            for (SagaView saga : sagas.subList(0, Math.min(first, sagas.size()))) {
                edges.add(new Edge<>(new KeysetCursor(saga.startedAt(), saga.id()).encode(CURSOR_LIST), saga));
            }
            return Page.of(edges, sagas.size() > first, total);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list sagas", e);
        }
    }

    private static List<SagaView> read(Connection c, String sql, Object[] parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Jdbc.bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                return SagaRows.read(rows);
            }
        }
    }

    @Override
    public Optional<SagaView> saga(String sagaId) {
        try (Connection c = dataSource.getConnection()) {
            return SagaRows.one(c, sagaId, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read saga " + sagaId, e);
        }
    }
}
