package dev.oms.saga;

import java.time.Instant;

/** The log entry of one step of one saga instance. */
public record StepState(
        String name, StepKind kind, StepStatus status, int attempts, Instant startedAt, Instant endedAt, String error) {

    static StepState pending(SagaStep<?> step) {
        return new StepState(step.name(), step.kind(), StepStatus.PENDING, 0, null, null, null);
    }

    StepState started(Instant now) {
        return new StepState(name, kind, StepStatus.RUNNING, attempts + 1, startedAt == null ? now : startedAt, null, error);
    }

    StepState ended(StepStatus status, Instant now, String error) {
        return new StepState(name, kind, status, attempts, startedAt, now, error);
    }

    StepState timedOut(Instant now) {
        return new StepState(name, kind, StepStatus.TIMED_OUT, attempts, startedAt, now, "timed out");
    }

    StepState compensating() {
        return new StepState(name, kind, StepStatus.COMPENSATING, attempts, startedAt, endedAt, error);
    }

    StepState withError(String error) {
        return new StepState(name, kind, status, attempts, startedAt, endedAt, error);
    }
}
