package dev.oms.messaging;

import dev.oms.contracts.Envelope;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * OpenTelemetry spans of the messaging core, through the global OpenTelemetry (a no-op until the launcher installs
 * an SDK): handling a message is a CONSUMER span whose parent is the span that emitted it, and each emitted message
 * is a PRODUCER span whose traceparent the envelope carries, so one order's work is one trace across services.
 * While a span is current its trace id is in the logging MDC as {@code traceId}.
 */
public final class Tracing {
    public static final AttributeKey<String> SERVICE = AttributeKey.stringKey("oms.service");
    public static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("oms.correlation_id");
    public static final AttributeKey<String> SAGA_ID = AttributeKey.stringKey("oms.saga_id");
    static final String MDC_TRACE_ID = "traceId";
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("oms.message_type");
    /** The message whose handling span is current: its transaction runs in that span rather than in one of its own. */
    private static final ContextKey<UUID> HANDLED = ContextKey.named("oms-handled-message");

    private Tracing() {}

    /** The tracer of an oms component (e.g. {@code dev.oms.saga}). */
    public static Tracer tracer(String component) {
        return GlobalOpenTelemetry.getTracer(component);
    }

    /**
     * The context a new span of the running work belongs under: the current span, else the span of the transaction
     * running on this thread (see {@link TracedWork}), else whatever is current (nothing: a new trace).
     */
    public static Context parent() {
        if (Span.current().getSpanContext().isValid()) {
            return Context.current();
        }
        TracedWork work = TracedWork.active();
        return work == null ? Context.current() : work.context();
    }

    /** The service whose transaction is running on this thread; null outside one. */
    public static String currentService() {
        TracedWork work = TracedWork.active();
        return work == null ? null : work.service();
    }

    /** Makes {@code context} current, with its span's trace id in the MDC, until the returned scope closes. */
    static Scope activate(Context context) {
        Scope scope = context.makeCurrent();
        String previous = MDC.get(MDC_TRACE_ID);
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (span.isValid()) {
            MDC.put(MDC_TRACE_ID, span.getTraceId());
        }
        return () -> {
            restoreMdc(previous);
            scope.close();
        };
    }

    /**
     * Opens the span of {@code consumer} handling {@code message} and makes it current until closed; the
     * transactions run for that message (retries included) are spans' worth of work inside it, not spans of their own.
     */
    static Scope handling(String service, String consumer, IncomingMessage message) {
        Span span = consumerSpan(service, message.envelope()).setAttribute(CONSUMER_GROUP, consumer)
                .setAttribute(DESTINATION, message.topic()).startSpan();
        Scope scope = activate(Context.current().with(span).with(HANDLED, message.envelope().messageId()));
        return () -> {
            scope.close();
            span.end();
        };
    }

    static boolean isHandling(Envelope message) {
        return message.messageId().equals(Context.current().get(HANDLED));
    }

    /** A CONSUMER span of {@code service} handling {@code message}, under the span that emitted it. */
    static SpanBuilder consumerSpan(String service, Envelope message) {
        SpanBuilder span = tracer("dev.oms.messaging").spanBuilder(service + " handle " + simpleName(message.type()))
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parentOf(message.traceparent()))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(SERVICE, service)
                .setAttribute(MESSAGE_ID, message.messageId().toString())
                .setAttribute(MESSAGE_TYPE, message.type())
                .setAttribute(CORRELATION_ID, message.correlationId());
        return message.sagaId() == null ? span : span.setAttribute(SAGA_ID, message.sagaId());
    }

    /** Records the emission of a message as a PRODUCER span under {@code parent}; returns its traceparent. */
    static String emitted(Context parent, String service, String topic, String type, String correlationId,
                          String sagaId) {
        SpanBuilder builder = tracer("dev.oms.messaging").spanBuilder(service + " send " + simpleName(type))
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(SERVICE, service)
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_TYPE, type)
                .setAttribute(CORRELATION_ID, correlationId);
        Span span = (sagaId == null ? builder : builder.setAttribute(SAGA_ID, sagaId)).startSpan();
        span.end();
        // without an SDK (a no-op tracer) the "span" is the parent's own context: the trace still flows
        return TraceContext.traceparentOf(span.getSpanContext());
    }

    static void restoreMdc(String previous) {
        if (previous == null) {
            MDC.remove(MDC_TRACE_ID);
        } else {
            MDC.put(MDC_TRACE_ID, previous);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
