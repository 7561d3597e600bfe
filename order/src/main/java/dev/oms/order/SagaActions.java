package dev.oms.order;

import dev.oms.messaging.TransactionContext;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.SagaActionResult;
import dev.oms.saga.SagaEngine;
import dev.oms.saga.SagaInstance;
import dev.oms.saga.SagaStatus;
import java.util.List;
import java.util.Optional;

/** Operators' actions on a stuck or failed saga, whichever of this service's sagas it is. */
final class SagaActions {
    private final List<SagaEngine<?>> engines;

    SagaActions(SagaEngine<?>... engines) {
        this.engines = List.of(engines);
    }

    SagaActionResult retry(TransactionContext tx, String sagaId) throws Exception {
        for (SagaEngine<?> engine : engines) {
            Optional<? extends SagaInstance<?>> saga = engine.find(tx, sagaId);
            if (saga.isPresent()) {
                if (saga.get().status().isTerminal()) {
                    return notActionable(sagaId, "the saga has ended " + saga.get().status());
                }
                return SagaActionResult.done(sagaId, engine.retry(tx, sagaId).orElseThrow().status().name());
            }
        }
        return notFound(sagaId);
    }

    SagaActionResult compensate(TransactionContext tx, String sagaId) throws Exception {
        for (SagaEngine<?> engine : engines) {
            Optional<? extends SagaInstance<?>> found = engine.find(tx, sagaId);
            if (found.isPresent()) {
                SagaStatus before = found.get().status();
                if (before.isTerminal()) {
                    return notActionable(sagaId, "the saga has ended " + before);
                }
                SagaInstance<?> after = engine.compensate(tx, sagaId, "compensated by an operator").orElseThrow();
                if (after.compensationRequest() != null) {
                    return SagaActionResult.waitingForPivot(sagaId, after.status().name());
                }
                if (before == SagaStatus.RUNNING && after.status() == SagaStatus.RUNNING) {
                    return notActionable(sagaId, "the saga is past its pivot: it can only go forward (retry it)");
                }
                return SagaActionResult.done(sagaId, after.status().name());
            }
        }
        return notFound(sagaId);
    }

    private static SagaActionResult notFound(String sagaId) {
        return SagaActionResult.refused(sagaId, OrderError.SAGA_NOT_FOUND, "no saga " + sagaId);
    }

    private static SagaActionResult notActionable(String sagaId, String message) {
        return SagaActionResult.refused(sagaId, OrderError.SAGA_NOT_ACTIONABLE, message);
    }
}
