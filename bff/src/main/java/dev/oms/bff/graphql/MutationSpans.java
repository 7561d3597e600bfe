package dev.oms.bff.graphql;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * A mutation that sets a saga going opens the trace of everything that follows: a SERVER span of the BFF, current
 * (and its trace id in the logging MDC) while the mutation calls the service, so that the service's transaction and
 * every message, handler and saga step after it are spans of this trace.
 */
public final class MutationSpans {
    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("oms.service");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("graphql.operation.type");
    private static final String MDC_TRACE_ID = "traceId";

    private MutationSpans() {}

    public static <T> T traced(String mutation, Supplier<T> call) {
        Span span = GlobalOpenTelemetry.getTracer("dev.oms.bff").spanBuilder(mutation).setSpanKind(SpanKind.SERVER)
                .setAttribute(SERVICE, "bff").setAttribute(OPERATION, "mutation").startSpan();
        String previous = MDC.get(MDC_TRACE_ID);
        try (Scope scope = span.makeCurrent()) {
            if (span.getSpanContext().isValid()) {
                MDC.put(MDC_TRACE_ID, span.getSpanContext().getTraceId());
            }
            return call.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            if (previous == null) {
                MDC.remove(MDC_TRACE_ID);
            } else {
                MDC.put(MDC_TRACE_ID, previous);
            }
            span.end();
        }
    }
}
