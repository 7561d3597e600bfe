package dev.oms.messaging;

import dev.oms.contracts.Envelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import org.slf4j.MDC;

/**
 * The span one transaction's work runs in. Handling a message: the consumer's handling span when that is current,
 * else a span of its own under the message's traceparent. Work caused by no message: a child of the current span (a
 * request's, such as a checkout), or with none a new trace, started only once the work needs a span (it emits a
 * message or runs a saga step), so that a job polling for nothing to do leaves no trace.
 */
final class TracedWork {
    private static final ThreadLocal<TracedWork> ACTIVE = new ThreadLocal<>();

    private final String service;
    private final Instant started = Instant.now();
    private final boolean owned;
    private Span span;

    TracedWork(String service, Envelope cause) {
        this.service = service;
        if (cause != null && Tracing.isHandling(cause)) {
            span = Span.current();
            owned = false;
        } else if (cause != null) {
            span = Tracing.consumerSpan(service, cause).startSpan();
            owned = true;
        } else {
            span = Span.current().getSpanContext().isValid() ? workSpan(Context.current()) : null;
            owned = true;
        }
    }

    /** The work of the transaction running on this thread, if any. */
    static TracedWork active() {
        return ACTIVE.get();
    }

    String service() {
        return service;
    }

    /** Makes this work the active one, and its span current, until closed; then ends the span if it is this work's. */
    Scope activate() {
        TracedWork previous = ACTIVE.get();
        ACTIVE.set(this);
        String previousTraceId = MDC.get(Tracing.MDC_TRACE_ID);
        Scope scope = span == null ? Scope.noop() : Context.current().with(span).makeCurrent();
        if (span != null) {
            MDC.put(Tracing.MDC_TRACE_ID, span.getSpanContext().getTraceId());
        }
        return () -> {
            scope.close();
            Tracing.restoreMdc(previousTraceId);
            ACTIVE.set(previous);
            end();
        };
    }

    /** The context new spans of this work belong under; starts the work's trace if it had none yet. */
    Context context() {
        if (span == null) {
            span = workSpan(Context.root());
            MDC.put(Tracing.MDC_TRACE_ID, span.getSpanContext().getTraceId());
        }
        return Context.current().with(span);
    }

    /** Records {@code message} as emitted by this work; returns the traceparent its envelope carries. */
    String emitted(String topic, String type, String correlationId, String sagaId) {
        Context parent = Span.current().getSpanContext().isValid() ? Context.current() : context();
        return Tracing.emitted(parent, service, topic, type, correlationId, sagaId);
    }

    /**
     * The transaction rolled back because of {@code error}. On a consumer's handling span that is one failed attempt
     * (an exception event); the consumer may still retry and succeed.
     */
    void failed(Throwable error) {
        if (span != null) {
            span.recordException(error);
            if (owned) {
                span.setStatus(StatusCode.ERROR, "rolled back");
            }
        }
    }

    private Span workSpan(Context parent) {
        return Tracing.tracer("dev.oms.messaging").spanBuilder(service + " transaction").setSpanKind(SpanKind.INTERNAL)
                .setParent(parent).setStartTimestamp(started).setAttribute(Tracing.SERVICE, service).startSpan();
    }

    private void end() {
        if (owned && span != null) {
            span.end();
        }
    }
}
