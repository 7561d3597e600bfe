package dev.oms.saga;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.oms.messaging.TransactionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A saga as code: its steps in order, each with its kind, command, replies and compensation. Built through
 * {@link #named(String)}; {@link Builder#build()} refuses a definition that breaks the kind rules.
 */
public final class SagaDefinition<D> {
    private final String name;
    private final List<SagaStep<D>> steps;
    private final CompletionHandler<D> onCompleted;
    private final TerminalHandler<D> onCompensated;
    private final RefusalHandler<D> onRequestRefused;
    private final RetryPolicy compensationRetry;

    /** Runs in the transaction that completes the saga's last step. */
    @FunctionalInterface
    public interface CompletionHandler<D> {
        void run(TransactionContext tx, D data) throws Exception;
    }

    /** Runs in the transaction that compensates the saga's last step; gets the failure that started it. */
    @FunctionalInterface
    public interface TerminalHandler<D> {
        void run(TransactionContext tx, D data, SagaFailure failure) throws Exception;
    }

    /**
     * Runs when a requested compensation cannot be done: the pivot it waited for succeeded and cannot be undone (no
     * compensation, or the participant refused it), so the saga goes forward; gets the request and why it failed.
     */
    @FunctionalInterface
    public interface RefusalHandler<D> {
        void run(TransactionContext tx, D data, String request, String why) throws Exception;
    }

    private SagaDefinition(Builder<D> builder) {
        this.name = builder.name;
        this.steps = List.copyOf(builder.steps);
        this.onCompleted = builder.onCompleted;
        this.onCompensated = builder.onCompensated;
        this.onRequestRefused = builder.onRequestRefused;
        this.compensationRetry = builder.compensationRetry;
    }

    public static <D> Builder<D> named(String name) {
        return new Builder<>(name);
    }

    public String name() {
        return name;
    }

    public List<SagaStep<D>> steps() {
        return steps;
    }

    CompletionHandler<D> onCompleted() {
        return onCompleted;
    }

    TerminalHandler<D> onCompensated() {
        return onCompensated;
    }

    RefusalHandler<D> onRequestRefused() {
        return onRequestRefused;
    }

    /** The index of the pivot step, or -1 when the saga has none. */
    int pivotIndex() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == StepKind.PIVOT) {
                return i;
            }
        }
        return -1;
    }

    /** How compensation commands are retried when their reply does not come; spent means COMPENSATION_FAILED. */
    RetryPolicy compensationRetry() {
        return compensationRetry;
    }

    /** Every message type that is a reply to one of this saga's steps. */
    public Set<String> replyTypes() {
        Set<String> types = new HashSet<>();
        steps.forEach(step -> types.addAll(step.replyTypes()));
        return Set.copyOf(types);
    }

    public static final class Builder<D> {
        private final String name;
        private final List<SagaStep<D>> steps = new ArrayList<>();
        private CompletionHandler<D> onCompleted = (tx, data) -> {};
        private TerminalHandler<D> onCompensated = (tx, data, failure) -> {};
        private RefusalHandler<D> onRequestRefused = (tx, data, request, why) -> {};
        private Duration defaultTimeout = Duration.ofSeconds(30);
        private RetryPolicy compensationRetry = RetryPolicy.exponential(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

        private Builder(String name) {
            this.name = name;
        }

        /** The timeout of every step that does not set its own. */
        public Builder<D> defaultTimeout(Duration timeout) {
            this.defaultTimeout = timeout;
            return this;
        }

        public Builder<D> compensationRetry(RetryPolicy policy) {
            this.compensationRetry = policy;
            return this;
        }

        public StepBuilder<D> step(String stepName, StepKind kind) {
            return new StepBuilder<>(this, stepName, kind);
        }

        public Builder<D> onCompleted(CompletionHandler<D> handler) {
            this.onCompleted = handler;
            return this;
        }

        public Builder<D> onCompensated(TerminalHandler<D> handler) {
            this.onCompensated = handler;
            return this;
        }

        public Builder<D> onRequestRefused(RefusalHandler<D> handler) {
            this.onRequestRefused = handler;
            return this;
        }

        public SagaDefinition<D> build() {
            SagaDefinitionRules.check(name, steps);
            return new SagaDefinition<>(this);
        }
    }

    public static final class StepBuilder<D> {
        private final Builder<D> saga;
        private final String name;
        private final StepKind kind;
        private Function<D, Command> command;
        private final Map<String, ReplyHandler<D, Message>> replies = new LinkedHashMap<>();
        private LocalAction<D> localAction;
        private Function<D, Command> compensation;
        private final Set<String> compensationReplies = new HashSet<>();
        private final Set<String> compensationRefusals = new HashSet<>();
        private LocalCompensation<D> localCompensation;
        private Duration timeout;
        private RetryPolicy retry;
        private boolean undoableInFlight;
        private Duration compensationTimeout;

        private StepBuilder(Builder<D> saga, String name, StepKind kind) {
            this.saga = saga;
            this.name = name;
            this.kind = kind;
        }

        public StepBuilder<D> invoke(Function<D, Command> makeCommand) {
            this.command = makeCommand;
            return this;
        }

        @SuppressWarnings("unchecked")
        public <R extends Message> StepBuilder<D> onReply(Class<R> replyType, ReplyHandler<D, R> handler) {
            replies.put(typeName(replyType), (ReplyHandler<D, Message>) handler);
            return this;
        }

        public StepBuilder<D> local(LocalAction<D> action) {
            this.localAction = action;
            return this;
        }

        @SafeVarargs
        public final StepBuilder<D> withCompensation(Function<D, Command> makeCommand, Class<? extends Message>... replyTypes) {
            this.compensation = makeCommand;
            for (Class<? extends Message> replyType : replyTypes) {
                compensationReplies.add(typeName(replyType));
            }
            return this;
        }

        /** Replies by which the participant says the step can no longer be undone (a pivot's only: the parcel left). */
        @SafeVarargs
        public final StepBuilder<D> compensationRefusedBy(Class<? extends Message>... replyTypes) {
            for (Class<? extends Message> replyType : replyTypes) {
                compensationRefusals.add(typeName(replyType));
            }
            return this;
        }

        public StepBuilder<D> withLocalCompensation(LocalCompensation<D> undo) {
            this.localCompensation = undo;
            return this;
        }

        /**
         * A pivot whose action may wait long for its answer (a returned parcel to arrive), and whose compensation may be
         * sent while it waits: the participant decides which came first, undoing it or refusing because it is done.
         * Without this a requested compensation waits for the pivot's answer.
         */
        public StepBuilder<D> undoableWhileWaiting() {
            this.undoableInFlight = true;
            return this;
        }

        /** How long to wait for the compensation's reply, when not as long as for the action's (the saga's default). */
        public StepBuilder<D> compensationTimeout(Duration timeout) {
            this.compensationTimeout = timeout;
            return this;
        }

        /** How long to wait for the reply before the step counts as timed out. */
        public StepBuilder<D> timeout(Duration stepTimeout) {
            this.timeout = stepTimeout;
            return this;
        }

        /** How often the step is sent again after a timeout or (retriable steps) a failure reply. */
        public StepBuilder<D> retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public StepBuilder<D> step(String stepName, StepKind stepKind) {
            return done().step(stepName, stepKind);
        }

        public Builder<D> onCompleted(CompletionHandler<D> handler) {
            return done().onCompleted(handler);
        }

        public Builder<D> onCompensated(TerminalHandler<D> handler) {
            return done().onCompensated(handler);
        }

        public Builder<D> onRequestRefused(RefusalHandler<D> handler) {
            return done().onRequestRefused(handler);
        }

        public SagaDefinition<D> build() {
            return done().build();
        }

        private Builder<D> done() {
            saga.steps.add(new SagaStep<>(name, kind, command, Map.copyOf(replies), localAction, compensation,
                    Set.copyOf(compensationReplies), Set.copyOf(compensationRefusals), localCompensation,
                    timeout != null ? timeout : saga.defaultTimeout, retry != null ? retry : defaultRetry(kind),
                    undoableInFlight, compensationTimeout != null ? compensationTimeout
                            : timeout != null ? timeout : saga.defaultTimeout));
            return saga;
        }

        /** Before the pivot a step that does not answer is undone; from the pivot on it is sent until it answers. */
        private static RetryPolicy defaultRetry(StepKind kind) {
            return kind == StepKind.COMPENSATABLE
                    ? RetryPolicy.once()
                    : RetryPolicy.exponential(10, Duration.ofMillis(500), Duration.ofSeconds(60));
        }

        private static String typeName(Class<? extends Message> type) {
            try {
                return ((Descriptor) type.getMethod("getDescriptor").invoke(null)).getFullName();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type + " is not a generated Protobuf message", e);
            }
        }
    }
}
