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
    /** The step log as the database has it, so that a save writes only the steps that changed. */
    private List<StepState> savedSteps;
    private SagaStatus status;
    private int currentStep;
    private D data;
    private SagaFailure failure;
    private Deadline deadline;
    private int waitAttempts;
    private String alert;
    private String compensationRequest;

    /** What a saga waits for and until when: a step's reply (TIMEOUT) or the end of a backoff (RETRY). */
    public record Deadline(Instant dueAt, Kind kind) {
        public enum Kind { TIMEOUT, RETRY }
    }

    SagaInstance(String sagaId, String sagaType, String correlationId, SagaStatus status, int currentStep,
                 long version, D data, SagaFailure failure, Instant startedAt, List<StepState> steps) {
        this(sagaId, sagaType, correlationId, status, currentStep, version, data, failure, startedAt, steps, null, 0, null,
                null);
    }

    SagaInstance(String sagaId, String sagaType, String correlationId, SagaStatus status, int currentStep,
                 long version, D data, SagaFailure failure, Instant startedAt, List<StepState> steps,
                 Deadline deadline, int waitAttempts, String alert, String compensationRequest) {
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
        this.savedSteps = List.copyOf(steps);
        this.deadline = deadline;
        this.waitAttempts = waitAttempts;
        this.alert = alert;
        this.compensationRequest = compensationRequest;
    }

    /** A copy as a store would load it again: same state and version, nothing unsaved. */
    SagaInstance<D> copy() {
        return new SagaInstance<>(sagaId, sagaType, correlationId, status, currentStep, version, data, failure, startedAt,
                steps, deadline, waitAttempts, alert, compensationRequest);
    }

    public Deadline deadline() {
        return deadline;
    }

    /** How many times the command the saga now waits for (an action or a compensation) has been sent. */
    public int waitAttempts() {
        return waitAttempts;
    }

    /** Why an operator should look at this saga, or null. */
    public String alert() {
        return alert;
    }

    void setDeadline(Deadline deadline) {
        this.deadline = deadline;
    }

    void setWaitAttempts(int attempts) {
        this.waitAttempts = attempts;
    }

    void raiseAlert(String alert) {
        this.alert = alert;
    }

    /**
     * Why a compensation was asked for while the pivot was in flight (null: none was): it waits for the pivot's
     * answer, then undoes the earlier steps (pivot refused) or the pivot itself.
     */
    public String compensationRequest() {
        return compensationRequest;
    }

    void requestCompensation(String reason) {
        this.compensationRequest = reason;
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

    /** Why the saga compensates or compensated; null while nothing failed. */
    public SagaFailure failure() {
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

    /** Indexes of the steps whose state differs from the saved step log. */
    List<Integer> unsavedSteps() {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).equals(savedSteps.get(i))) {
                changed.add(i);
            }
        }
        return changed;
    }

    void markSaved(long newVersion) {
        this.version = newVersion;
        this.savedSteps = List.copyOf(steps);
    }

    /** Back to RUNNING after a requested compensation turned out impossible: nothing failed after all. */
    void resume() {
        become(SagaStatus.RUNNING, null);
        this.failure = null;
    }

    void become(SagaStatus next, SagaFailure failure) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("saga " + sagaId + " cannot go from " + status + " to " + next);
        }
        this.status = next;
        if (failure != null) {
            this.failure = failure;
        }
    }
}
