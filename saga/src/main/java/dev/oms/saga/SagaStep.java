package dev.oms.saga;

import com.google.protobuf.Message;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One step of a saga definition: either remote (a command to a participant and the replies it expects) or
 * local (run in the orchestrator's transaction), with its compensation when it is compensatable.
 */
public record SagaStep<D>(
        String name,
        StepKind kind,
        Function<D, Command> command,
        Map<String, ReplyHandler<D, Message>> replies,
        LocalAction<D> localAction,
        Function<D, Command> compensation,
        Set<String> compensationReplies,
        Set<String> compensationRefusals,
        LocalCompensation<D> localCompensation,
        java.time.Duration timeout,
        RetryPolicy retry,
        boolean undoableInFlight,
        java.time.Duration compensationTimeout) {

    public boolean isLocal() {
        return localAction != null;
    }

    public boolean hasCompensation() {
        return compensation != null || localCompensation != null;
    }

    /** Every reply type this step waits for, as action or as compensation. */
    Set<String> replyTypes() {
        var all = new java.util.HashSet<>(replies.keySet());
        all.addAll(compensationReplies);
        all.addAll(compensationRefusals);
        return Set.copyOf(all);
    }
}
