package dev.oms.saga;

import dev.oms.messaging.TransactionContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saga instances in a map, with the same version check as the JDBC store: the engine tested without a database. */
final class InMemorySagaStore<D> implements SagaStore<D> {
    private final Map<String, SagaInstance<D>> sagas = new LinkedHashMap<>();

    @Override
    public void insert(TransactionContext tx, SagaInstance<D> saga) {
        if (sagas.containsKey(saga.sagaId())) {
            throw new IllegalStateException("saga " + saga.sagaId() + " exists");
        }
        saga.markSaved(saga.version());
        sagas.put(saga.sagaId(), saga.copy());
    }

    @Override
    public void update(TransactionContext tx, SagaInstance<D> saga) {
        SagaInstance<D> saved = sagas.get(saga.sagaId());
        if (saved == null || saved.version() != saga.version()) {
            throw new ConcurrentSagaUpdateException(saga.sagaId(), saga.version());
        }
        saga.markSaved(saga.version() + 1);
        sagas.put(saga.sagaId(), saga.copy());
    }

    @Override
    public Optional<SagaInstance<D>> load(TransactionContext tx, String sagaId, String sagaType) {
        SagaInstance<D> saved = sagas.get(sagaId);
        return saved == null || !saved.sagaType().equals(sagaType) ? Optional.empty() : Optional.of(saved.copy());
    }

    @Override
    public int resendInFlight(TransactionContext tx, String sagaType, Instant now) {
        int resent = 0;
        for (SagaInstance<D> saga : sagas.values()) {
            if (saga.sagaType().equals(sagaType) && saga.deadline() != null
                    && (saga.status() == SagaStatus.RUNNING || saga.status() == SagaStatus.COMPENSATING)) {
                saga.setDeadline(new SagaInstance.Deadline(now, SagaInstance.Deadline.Kind.RETRY));
                saga.setWaitAttempts(0);
                saga.markSaved(saga.version() + 1);
                resent++;
            }
        }
        return resent;
    }

    @Override
    public List<String> lockDue(TransactionContext tx, String sagaType, Instant now, int limit) {
        return sagas.values().stream()
                .filter(s -> s.sagaType().equals(sagaType) && s.deadline() != null && !s.deadline().dueAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(s -> s.deadline().dueAt()))
                .limit(limit)
                .map(SagaInstance::sagaId)
                .toList();
    }
}
