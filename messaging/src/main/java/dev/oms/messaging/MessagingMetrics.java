package dev.oms.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What the messaging core measures: how long handlers take and how they end, how long messages wait in an
 * outbox before the broker has them, and what was parked as a dead letter (an alert: it needs an operator).
 */
final class MessagingMetrics {
    private static final MeterRegistry REGISTRY = Metrics.globalRegistry;

    private MessagingMetrics() {}

    /** outcome: applied, duplicate (skipped by the inbox), or parked. */
    static void handled(String consumer, String type, String outcome, Duration took) {
        Timer.builder("oms.message.handled").description("Time to apply one consumed message, by outcome")
                .tags("consumer", consumer, "type", type, "outcome", outcome)
                .register(REGISTRY).record(took);
    }

    static void parked(String consumer, String reason) {
        Counter.builder("oms.messages.dead.lettered").description("Messages parked after their retry budget or unreadable")
                .tags("consumer", consumer, "reason", reason).register(REGISTRY).increment();
    }

    static void consumerRestarted(String consumer) {
        Counter.builder("oms.consumer.restarts").description("Consumers that failed and were started again from their committed offsets")
                .tags("consumer", consumer).register(REGISTRY).increment();
    }

    static void relayed(String service, Duration lag) {
        Timer.builder("oms.outbox.lag").description("Time from a message's commit to the broker's acknowledgement")
                .tags("service", service).publishPercentileHistogram()
                .register(REGISTRY).record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
