package dev.oms.app;

import dev.oms.app.platform.MessageRedelivery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oms replay messages}: re-delivers historical messages from the audit log to one consumer. */
@Command(name = "messages", mixinStandardHelpOptions = true,
        description = {"Re-delivers historical messages from the audit log to one consumer, through its inbox.",
                "Messages it already applied are no-ops, unless --force-reapply is given (projections only).",
                "--dry-run lists what would be re-delivered and whether it was applied.",
                "Exit code 0: done; 1: failed; 2: bad usage."})
final class ReplayMessagesCommand implements Callable<Integer> {

    @Option(names = "--consumer", required = true, paramLabel = "C",
            description = "order, inventory, payment, fulfillment, notification or projections.")
    String consumer;

    @Option(names = "--type", paramLabel = "T", description = "Only this message type (repeatable; default: all the consumer handles).")
    List<String> types = List.of();

    @Option(names = "--from", required = true, paramLabel = "T1", description = "From this ISO-8601 instant (inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "T2", description = "Up to this ISO-8601 instant (exclusive).")
    Instant to;

    @Option(names = "--dry-run", description = "List what would be re-delivered; change nothing.")
    boolean dryRun;

    @Option(names = "--force-reapply", description = "Run the handler again for already-applied messages.")
    boolean force;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        MessageRedelivery.Request request = new MessageRedelivery.Request(consumer, Set.copyOf(types), from, to, dryRun,
                force);
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            MessageRedelivery.run(database.database(), request, outcome -> {
                counts.merge(outcome.result(), 1, Integer::sum);
                if (dryRun) {
                    System.out.printf(Locale.ROOT, "%s  %-8s %s %s %s%n", outcome.occurredAt(), outcome.result(),
                            outcome.type(), outcome.messageId(), outcome.correlationId());
                }
            });
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("replay of messages to " + consumer + " failed: " + e.getMessage());
            return 1;
        }
        System.out.println((dryRun ? "would re-deliver to " : "re-delivered to ") + consumer + ": "
                + (counts.isEmpty() ? "nothing" : counts));
        return 0;
    }
}
