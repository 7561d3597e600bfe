package dev.oms.projections.internal;

import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stages that each see the messages of their types, one after the other, in the consuming transaction. */
public final class Pipeline implements MessageHandler {

    /** A handler and the message types it wants. */
    public record Stage(Set<String> types, MessageHandler handler) {

        public Stage {
            types = Set.copyOf(types);
        }
    }

    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public Set<String> types() {
        Set<String> all = new HashSet<>();
        stages.forEach(stage -> all.addAll(stage.types()));
        return Set.copyOf(all);
    }

    /** Every stage gets the messages of its types, even none, so that it can forget what an earlier batch did. */
    @Override
    public void beforeBatch(List<IncomingMessage> messages, TransactionContext tx) throws Exception {
        for (Stage stage : stages) {
            stage.handler().beforeBatch(messages.stream().filter(m -> stage.types().contains(m.type())).toList(), tx);
        }
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        for (Stage stage : stages) {
            if (stage.types().contains(message.type())) {
                stage.handler().handle(message, tx);
            }
        }
    }
}
