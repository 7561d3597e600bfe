package dev.oms.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} an envelope carries, read and written by OpenTelemetry's W3C propagator: a message's
 * traceparent names the span that emitted it, and the handling of the message is a child of that span.
 */
final class TraceContext {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT_HEADER);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT_HEADER.equals(key) ? traceparent : null;
        }
    };
    private static final String TRACEPARENT_HEADER = "traceparent";

    private TraceContext() {}

    /** The context whose span {@code traceparent} names; the root context when it is absent or unreadable. */
    static Context parentOf(String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent.trim(), TRACEPARENT);
    }

    /** The traceparent naming {@code span}; null for an invalid span (nothing traced). */
    static String traceparentOf(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get(TRACEPARENT_HEADER);
    }
}
