package dev.oms.saga;

/** Why a saga compensates: what kind of cause, and in words (the step and what its participant said, or the request). */
public record SagaFailure(Kind kind, String reason) {

    public enum Kind {
        /** A step before the pivot was refused by its participant (or failed locally). */
        STEP_FAILED,
        /** A step before the pivot did not answer within its retry budget; it is undone like a success. */
        STEP_TIMED_OUT,
        /** Somebody asked for it: a customer's cancellation or an operator's compensation. */
        REQUESTED
    }

    public static SagaFailure stepFailed(String step, String reason) {
        return new SagaFailure(Kind.STEP_FAILED, step + ": " + reason);
    }

    public static SagaFailure stepTimedOut(String step) {
        return new SagaFailure(Kind.STEP_TIMED_OUT, step + ": timed out");
    }

    public static SagaFailure requested(String reason) {
        return new SagaFailure(Kind.REQUESTED, reason);
    }

    public boolean requested() {
        return kind == Kind.REQUESTED;
    }
}
