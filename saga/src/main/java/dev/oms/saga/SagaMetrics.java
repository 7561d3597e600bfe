package dev.oms.saga;

import dev.oms.messaging.TransactionContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The saga SLIs, recorded only once the transition's transaction commits (a rolled-back transition did not
 * happen): per step a latency histogram by outcome ({@code oms_saga_step_seconds}), per saga its outcome
 * ({@code oms_saga_total}), and the retry and alert counts operators page on.
 */
final class SagaMetrics {
    private final MeterRegistry registry = Metrics.globalRegistry;
    private final String saga;

    SagaMetrics(String saga) {
        this.saga = saga;
    }

    void stepEnded(TransactionContext tx, StepState step, StepStatus outcome) {
        if (step.startedAt() == null) {
            return;
        }
        Duration took = Duration.between(step.startedAt(), tx.now());
        tx.afterCommit(() -> Timer.builder("oms.saga.step")
                .description("Time from dispatching a saga step to its outcome")
                .tags("saga", saga, "step", step.name(), "outcome", lower(outcome))
                .publishPercentileHistogram()
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took));
    }

    void sagaEnded(TransactionContext tx, SagaStatus outcome, Instant startedAt) {
        Duration took = Duration.between(startedAt, tx.now());
        tx.afterCommit(() -> {
            Counter.builder("oms.saga").description("Sagas by how they ended")
                    .tags("saga", saga, "outcome", lower(outcome)).register(registry).increment();
            Timer.builder("oms.saga.duration").description("Time from a saga's start to its end")
                    .tags("saga", saga, "outcome", lower(outcome)).publishPercentileHistogram()
                    .register(registry).record(took.isNegative() ? Duration.ZERO : took);
        });
    }

    void retried(TransactionContext tx, String step) {
        tx.afterCommit(() -> Counter.builder("oms.saga.retries").description("Steps and compensations sent again")
                .tags("saga", saga, "step", step).register(registry).increment());
    }

    void alerted(TransactionContext tx, String step, String kind) {
        tx.afterCommit(() -> Counter.builder("oms.saga.alerts")
                .description("Retry budgets spent and compensations failed: each needs an operator's look")
                .tags("saga", saga, "step", step, "kind", kind).register(registry).increment());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
