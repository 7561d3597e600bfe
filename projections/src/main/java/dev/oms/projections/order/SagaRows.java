package dev.oms.projections.order;

import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads sagas with their steps: one row per step, grouped by saga in the order the rows come. */
final class SagaRows {
    /** The columns {@link #read} expects, for a query over order_saga_view s left-joined to its steps st. */
    static final String COLUMNS = """
            s.saga_id, s.order_id, s.saga_type, s.status AS saga_status, s.started_at AS saga_started_at,
            s.updated_at AS saga_updated_at, st.name, st.kind, st.status AS step_status, st.attempts, st.error,
            st.started_at AS step_started_at, st.ended_at AS step_ended_at""";

    private SagaRows() {}

    /** The saga as shown, or empty when unknown; with {@code version} set, only if that snapshot is the one shown. */
    static Optional<SagaView> one(Connection c, String sagaId, Long version) throws SQLException {
        String sql = """
                SELECT %s FROM order_saga_view s LEFT JOIN order_saga_step_view st ON st.saga_id = s.saga_id
                 WHERE s.saga_id = ? %s ORDER BY st.position"""
                .formatted(COLUMNS, version == null ? "" : "AND s.version = ?");
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Jdbc.bind(select, version == null ? new Object[] {sagaId} : new Object[] {sagaId, version});
            try (ResultSet rows = select.executeQuery()) {
                return read(rows).stream().findFirst();
            }
        }
    }

    static List<SagaView> read(ResultSet rows) throws SQLException {
        List<SagaView> sagas = new ArrayList<>();
        String current = null;
        SagaView header = null;
        List<SagaStepView> steps = new ArrayList<>();
        while (rows.next()) {
            String id = rows.getString("saga_id");
            if (!id.equals(current)) {
                if (header != null) {
                    sagas.add(withSteps(header, steps));
                }
                current = id;
                header = header(rows);
                steps = new ArrayList<>();
            }
            if (rows.getString("name") != null) {
                steps.add(step(rows));
            }
        }
        if (header != null) {
            sagas.add(withSteps(header, steps));
        }
        return sagas;
    }

    private static SagaView header(ResultSet row) throws SQLException {
        return new SagaView(row.getString("saga_id"), row.getString("saga_type"), row.getString("saga_status"),
                List.of(), row.getString("order_id"), Jdbc.instant(row.getTimestamp("saga_started_at")),
                Jdbc.instant(row.getTimestamp("saga_updated_at")));
    }

    private static SagaStepView step(ResultSet row) throws SQLException {
        return new SagaStepView(row.getString("name"), row.getString("kind"), row.getString("step_status"),
                row.getInt("attempts"), row.getString("error"), Jdbc.instant(row.getTimestamp("step_started_at")),
                Jdbc.instant(row.getTimestamp("step_ended_at")));
    }

    private static SagaView withSteps(SagaView saga, List<SagaStepView> steps) {
        return new SagaView(saga.id(), saga.type(), saga.status(), steps, saga.orderId(), saga.startedAt(),
                saga.updatedAt());
    }
}
