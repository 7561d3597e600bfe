package dev.oms.saga;

import dev.oms.messaging.TransactionContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saga instances and their step logs in the orchestrating service's schema, with optimistic locking. */
final class JdbcSagaStore<D> implements SagaStore<D> {
    private final SagaDataCodec<D> codec;

    JdbcSagaStore(SagaDataCodec<D> codec) {
        this.codec = codec;
    }

    @Override
    public void insert(TransactionContext tx, SagaInstance<D> saga) throws SQLException {
        Connection c = tx.connection();
        Instant now = tx.now();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO saga_instance (saga_id, saga_type, correlation_id, status, current_step, version, data,
                                           failure, started_at, updated_at, deadline, deadline_kind, wait_attempts, alert,
                                           compensation_request, failure_kind)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, saga.sagaId());
            insert.setString(2, saga.sagaType());
            insert.setString(3, saga.correlationId());
            insert.setString(4, saga.status().name());
            insert.setInt(5, saga.currentStep());
            insert.setBytes(6, codec.encode(saga.data()));
            insert.setString(7, failureText(saga));
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setTimestamp(9, Timestamp.from(now));
            bindWaiting(insert, 10, saga);
            insert.setString(14, saga.compensationRequest());
            insert.setString(15, failureKind(saga));
            insert.executeUpdate();
        }
        saveSteps(c, saga, java.util.stream.IntStream.range(0, saga.steps().size()).boxed().toList());
        saga.markSaved(saga.version());
    }

    @Override
    public void update(TransactionContext tx, SagaInstance<D> saga) throws SQLException {
        Connection c = tx.connection();
        Instant now = tx.now();
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE saga_instance SET status = ?, current_step = ?, version = version + 1, data = ?, failure = ?,
                                         updated_at = ?, ended_at = ?, deadline = ?, deadline_kind = ?,
                                         wait_attempts = ?, alert = ?, compensation_request = ?, failure_kind = ?
                WHERE saga_id = ? AND version = ?""")) {
            update.setString(1, saga.status().name());
            update.setInt(2, saga.currentStep());
            update.setBytes(3, codec.encode(saga.data()));
            update.setString(4, failureText(saga));
            update.setTimestamp(5, Timestamp.from(now));
            update.setTimestamp(6, saga.status().isTerminal() ? Timestamp.from(now) : null);
            bindWaiting(update, 7, saga);
            update.setString(11, saga.compensationRequest());
            update.setString(12, failureKind(saga));
            update.setString(13, saga.sagaId());
            update.setLong(14, saga.version());
            if (update.executeUpdate() != 1) {
                throw new ConcurrentSagaUpdateException(saga.sagaId(), saga.version());
            }
        }
        saveSteps(c, saga, saga.unsavedSteps());
        saga.markSaved(saga.version() + 1);
    }

    /** The instance and its step log in one round trip: one row per step (at least one row, steps or not). */
    @Override
    public Optional<SagaInstance<D>> load(TransactionContext tx, String sagaId, String sagaType) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT i.saga_type, i.correlation_id, i.status, i.current_step, i.version, i.data, i.failure,
                       i.started_at, i.deadline, i.deadline_kind, i.wait_attempts, i.alert, i.compensation_request,
                       i.failure_kind, s.name, s.kind, s.status AS step_status, s.attempts,
                       s.started_at AS step_started_at, s.ended_at AS step_ended_at, s.error
                FROM saga_instance i LEFT JOIN saga_step s ON s.saga_id = i.saga_id
                WHERE i.saga_id = ? AND i.saga_type = ? ORDER BY s.step_index""")) {
            select.setString(1, sagaId);
            select.setString(2, sagaType);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String type = row.getString("saga_type");
                String correlationId = row.getString("correlation_id");
                SagaStatus status = SagaStatus.valueOf(row.getString("status"));
                int currentStep = row.getInt("current_step");
                long version = row.getLong("version");
                D data = codec.decode(row.getBytes("data"));
                SagaFailure failure = failure(row);
                Instant startedAt = row.getTimestamp("started_at").toInstant();
                SagaInstance.Deadline deadline = deadline(row);
                int waitAttempts = row.getInt("wait_attempts");
                String alert = row.getString("alert");
                String compensationRequest = row.getString("compensation_request");
                List<StepState> steps = new ArrayList<>();
                do {
                    if (row.getString("name") != null) {
                        steps.add(new StepState(row.getString("name"), StepKind.valueOf(row.getString("kind")),
                                StepStatus.valueOf(row.getString("step_status")), row.getInt("attempts"),
                                instant(row.getTimestamp("step_started_at")), instant(row.getTimestamp("step_ended_at")),
                                row.getString("error")));
                    }
                } while (row.next());
                return Optional.of(new SagaInstance<>(sagaId, type, correlationId, status, currentStep, version, data,
                        failure, startedAt, steps, deadline, waitAttempts, alert, compensationRequest));
            }
        }
    }

    @Override
    public List<String> lockDue(TransactionContext tx, String sagaType, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = tx.connection().prepareStatement("""
                SELECT saga_id FROM saga_instance WHERE deadline <= ? AND saga_type = ?
                ORDER BY deadline LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setString(2, sagaType);
            select.setInt(3, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        }
    }

    @Override
    public int resendInFlight(TransactionContext tx, String sagaType, Instant now) throws SQLException {
        try (PreparedStatement update = tx.connection().prepareStatement("""
                UPDATE saga_instance SET deadline = ?, deadline_kind = 'RETRY', wait_attempts = 0, version = version + 1
                WHERE saga_type = ? AND status IN ('RUNNING', 'COMPENSATING') AND deadline IS NOT NULL""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, sagaType);
            return update.executeUpdate();
        }
    }

    private static void bindWaiting(PreparedStatement statement, int first, SagaInstance<?> saga) throws SQLException {
        SagaInstance.Deadline deadline = saga.deadline();
        statement.setTimestamp(first, deadline == null ? null : Timestamp.from(deadline.dueAt()));
        statement.setString(first + 1, deadline == null ? null : deadline.kind().name());
        statement.setInt(first + 2, saga.waitAttempts());
        statement.setString(first + 3, saga.alert());
    }

    private static String failureText(SagaInstance<?> saga) {
        return saga.failure() == null ? null : saga.failure().reason();
    }

    private static String failureKind(SagaInstance<?> saga) {
        return saga.failure() == null ? null : saga.failure().kind().name();
    }

    /** Sagas that failed before failure_kind existed count as failed by a step: none was asked to compensate then. */
    private static SagaFailure failure(ResultSet row) throws SQLException {
        String reason = row.getString("failure");
        if (reason == null) {
            return null;
        }
        String kind = row.getString("failure_kind");
        return new SagaFailure(kind == null ? SagaFailure.Kind.STEP_FAILED : SagaFailure.Kind.valueOf(kind), reason);
    }

    private static SagaInstance.Deadline deadline(ResultSet row) throws SQLException {
        Timestamp due = row.getTimestamp("deadline");
        return due == null ? null
                : new SagaInstance.Deadline(due.toInstant(), SagaInstance.Deadline.Kind.valueOf(row.getString("deadline_kind")));
    }

    private void saveSteps(Connection c, SagaInstance<D> saga, List<Integer> indexes) throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO saga_step (saga_id, step_index, name, kind, status, attempts, started_at, ended_at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (saga_id, step_index) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
                    started_at = excluded.started_at, ended_at = excluded.ended_at, error = excluded.error""")) {
            List<StepState> steps = saga.steps();
            for (int i : indexes) {
                StepState step = steps.get(i);
                upsert.setString(1, saga.sagaId());
                upsert.setInt(2, i);
                upsert.setString(3, step.name());
                upsert.setString(4, step.kind().name());
                upsert.setString(5, step.status().name());
                upsert.setInt(6, step.attempts());
                upsert.setTimestamp(7, timestamp(step.startedAt()));
                upsert.setTimestamp(8, timestamp(step.endedAt()));
                upsert.setString(9, step.error());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
