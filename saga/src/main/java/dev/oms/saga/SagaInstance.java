package dev.oms.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A saga instance as the engine works on it within one transaction: its status, position, data and step
 * log. {@code version} is the one it was loaded with, and the saved one once the repository saved it.
 */
public final class SagaInstance<D> {
    private final String sagaId;
    private final String sagaType;
    private final String correlationId;
    private final Instant startedAt;
    private long version;
    private final List<StepState> steps;
    private SagaStatus status;
    private int currentStep;
    private D data;
    private String failure;

    SagaInstance(String sagaId, String sagaType, String correlationId, SagaStatus status, int currentStep,
                 long version, D data, String failure, Instant startedAt, List<StepState> steps) {
        this.sagaId = sagaId;
        this.sagaType = sagaType;
        this.correlationId = correlationId;
        this.status = status;
        this.currentStep = currentStep;
        this.version = version;
        this.data = data;
        this.failure = failure;
        this.startedAt = startedAt;
        this.steps = new ArrayList<>(steps);
    }

    public String sagaId() {
        return sagaId;
    }

    public String sagaType() {
        return sagaType;
    }

    public String correlationId() {
        return correlationId;
    }

    public SagaStatus status() {
        return status;
    }

    public int currentStep() {
        return currentStep;
    }

    public long version() {
        return version;
    }

    public D data() {
        return data;
    }

    public String failure() {
        return failure;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<StepState> steps() {
        return List.copyOf(steps);
    }

    StepState step(int index) {
        return steps.get(index);
    }

    void setStep(int index, StepState state) {
        steps.set(index, state);
    }

    void moveTo(int step) {
        this.currentStep = step;
    }

    void setData(D data) {
        this.data = data;
    }

    void markSaved(long newVersion) {
        this.version = newVersion;
    }

    void become(SagaStatus next, String failure) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("saga " + sagaId + " cannot go from " + status + " to " + next);
        }
        this.status = next;
        if (failure != null) {
            this.failure = failure;
        }
    }
}
