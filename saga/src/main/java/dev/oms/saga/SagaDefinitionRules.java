package dev.oms.saga;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a saga definition must keep; each violation names the saga and the step. */
final class SagaDefinitionRules {
    private SagaDefinitionRules() {}

    static <D> void check(String saga, List<SagaStep<D>> steps) {
        if (steps.isEmpty()) {
            throw invalid(saga, null, "has no steps");
        }
        Set<String> names = new HashSet<>();
        boolean pivotSeen = false;
        boolean retriableSeen = false;
        for (SagaStep<D> step : steps) {
            if (!names.add(step.name())) {
                throw invalid(saga, step, "is declared twice");
            }
            checkShape(saga, step);
            switch (step.kind()) {
                case COMPENSATABLE -> {
                    if (pivotSeen || retriableSeen) {
                        throw invalid(saga, step, "is compensatable but comes after the pivot or a retriable step");
                    }
                    if (!step.hasCompensation()) {
                        throw invalid(saga, step, "is compensatable but declares no compensation");
                    }
                }
                case PIVOT -> {
                    if (pivotSeen || retriableSeen) {
                        throw invalid(saga, step, "is a second pivot or comes after a retriable step");
                    }
                    pivotSeen = true;
                }
                case RETRIABLE -> retriableSeen = true;
            }
            if (step.kind() == StepKind.RETRIABLE && step.hasCompensation()) {
                throw invalid(saga, step, "is RETRIABLE and must not declare a compensation");
            }
            if (step.kind() == StepKind.PIVOT && step.localCompensation() != null) {
                throw invalid(saga, step, "is a pivot: its undo must be a participant's command, which may refuse it");
            }
            if (step.undoableInFlight() && (step.kind() != StepKind.PIVOT || step.compensationRefusals().isEmpty())) {
                throw invalid(saga, step, "is undoable while waiting: only a pivot whose undo the participant may refuse");
            }
            if (!step.compensationRefusals().isEmpty() && step.kind() != StepKind.PIVOT) {
                throw invalid(saga, step, "is " + step.kind() + ": only a pivot's compensation may be refused");
            }
        }
    }

    private static <D> void checkShape(String saga, SagaStep<D> step) {
        if (step.isLocal() == (step.command() != null)) {
            throw invalid(saga, step, "must either invoke a participant or run locally");
        }
        if (!step.isLocal() && step.replies().isEmpty()) {
            throw invalid(saga, step, "invokes a participant but expects no reply");
        }
        if (step.compensation() != null && step.compensationReplies().isEmpty()) {
            throw invalid(saga, step, "has a compensation command but expects no reply to it");
        }
    }

    private static <D> InvalidSagaDefinitionException invalid(String saga, SagaStep<D> step, String problem) {
        String where = step == null ? "saga " + saga : "saga " + saga + ": step '" + step.name() + "'";
        return new InvalidSagaDefinitionException(where + " " + problem);
    }
}
