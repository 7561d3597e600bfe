package dev.oms.saga;

import dev.oms.messaging.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Locale;

/**
 * Saga steps in the order's trace. Dispatching a step's command or compensation, or running a local step, is a span
 * under the work that moved the saga (a reply's handling, the checkout, a due timer), and the command it sends is a
 * child of that span. A step's end is an event, with its outcome and how long the step took, on the span of the work
 * that ended it (usually the handling of the participant's reply); the step SLI histogram measures the same.
 */
final class SagaTracing {
    private static final AttributeKey<String> SAGA = AttributeKey.stringKey("oms.saga");
    private static final AttributeKey<String> STEP = AttributeKey.stringKey("oms.saga.step");
    private static final AttributeKey<String> PHASE = AttributeKey.stringKey("oms.saga.phase");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("oms.saga.attempt");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("oms.saga.step.outcome");
    private static final AttributeKey<Double> SECONDS = AttributeKey.doubleKey("oms.saga.step.seconds");

    private final String saga;

    SagaTracing(String saga) {
        this.saga = saga;
    }

    /** What a step span wraps: sending the step's command, or running its local action or compensation. */
    interface StepWork<T> {
        T run() throws Exception;
    }

    enum Phase { ACTION, COMPENSATION }

    <T> T inStep(SagaInstance<?> instance, String step, Phase phase, int attempt, StepWork<T> work) throws Exception {
        String name = saga + " " + step + (phase == Phase.COMPENSATION ? " compensation" : "");
        SpanBuilder builder = Tracing.tracer("dev.oms.saga").spanBuilder(name).setParent(Tracing.parent());
        if (Tracing.currentService() != null) {
            builder.setAttribute(Tracing.SERVICE, Tracing.currentService());
        }
        Span span = builder
                .setAttribute(Tracing.SAGA_ID, instance.sagaId())
                .setAttribute(Tracing.CORRELATION_ID, instance.correlationId())
                .setAttribute(SAGA, saga)
                .setAttribute(STEP, step)
                .setAttribute(PHASE, lower(phase))
                .setAttribute(ATTEMPT, (long) attempt)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.run();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    void stepEnded(StepState step, StepStatus outcome, Duration took) {
        Span.fromContext(Tracing.parent()).addEvent("saga step ended", Attributes.of(SAGA, saga, STEP, step.name(),
                OUTCOME, lower(outcome), SECONDS, took.toNanos() / 1e9));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
