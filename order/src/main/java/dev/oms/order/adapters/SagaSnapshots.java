package dev.oms.order.adapters;

import dev.oms.contracts.order.v1.SagaStep;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.saga.SagaListener;
import dev.oms.saga.StepState;
import java.util.function.Function;

/** Publishes a SagaUpdated snapshot after every transition, so read models can show saga progress. */
public final class SagaSnapshots {
    private SagaSnapshots() {}

    public static <D> SagaListener<D> publisher(Function<D, String> orderIdOf) {
        return (tx, saga) -> {
            SagaUpdated.Builder event = SagaUpdated.newBuilder()
                    .setSagaId(saga.sagaId())
                    .setSagaType(saga.sagaType())
                    .setOrderId(orderIdOf.apply(saga.data()))
                    .setStatus(saga.status().name())
                    .setVersion(saga.version());
            for (StepState step : saga.steps()) {
                event.addSteps(SagaStep.newBuilder()
                        .setName(step.name())
                        .setKind(step.kind().name())
                        .setStatus(step.status().name())
                        .setAttempts(step.attempts())
                        .setError(step.error() == null ? "" : step.error()));
            }
            tx.publish(saga.correlationId(), event.build());
        };
    }
}
