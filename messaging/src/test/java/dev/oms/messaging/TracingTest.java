package dev.oms.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.Envelope;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

class TracingTest {
    private static final String W3C = "^00-[0-9a-f]{32}-[0-9a-f]{16}-01$";

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    @Test
    void handlingAMessageIsAChildOfTheSpanThatEmittedIt() {
        String traceparent = Tracing.emitted(Context.root(), "inventory", "oms.events", "oms.inventory.v1.StockReserved",
                "order-1", "saga-1");

        Tracing.consumerSpan("order", message(traceparent)).startSpan().end();

        SpanData sent = span("inventory send StockReserved");
        SpanData handled = span("order handle StockReserved");
        assertThat(traceparent).matches(W3C).contains(sent.getTraceId()).endsWith(sent.getSpanId() + "-01");
        assertThat(sent.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(handled.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(handled.getTraceId()).isEqualTo(sent.getTraceId());
        assertThat(handled.getParentSpanId()).isEqualTo(sent.getSpanId());
        assertThat(handled.getAttributes().get(Tracing.SAGA_ID)).isEqualTo("saga-1");
    }

    @Test
    void anUnreadableTraceparentStartsANewTrace() {
        Tracing.consumerSpan("order", message("garbage")).startSpan().end();

        assertThat(span("order handle StockReserved").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void workCausedByNothingStartsItsTraceOnlyWhenItEmits() {
        TracedWork idle = new TracedWork("inventory", null);
        try (Scope active = idle.activate()) {
            assertThat(MDC.get("traceId")).isNull();
        }
        assertThat(otel.getSpans()).isEmpty();

        TracedWork busy = new TracedWork("inventory", null);
        String traceparent;
        try (Scope active = busy.activate()) {
            traceparent = busy.emitted("oms.events", "oms.inventory.v1.ReservationExpired", "order-1", null);
            assertThat(MDC.get("traceId")).isEqualTo(traceparent.substring(3, 35));
        }
        assertThat(MDC.get("traceId")).isNull();
        SpanData root = span("inventory transaction");
        assertThat(root.getParentSpanContext().isValid()).isFalse();
        assertThat(span("inventory send ReservationExpired").getParentSpanId()).isEqualTo(root.getSpanId());
    }

    @Test
    void aTransactionForAHandledMessageRunsInTheHandlingSpan() {
        Envelope cause = message(null);
        try (Scope handling = Tracing.handling("payment", "payment", new IncomingMessage(cause, null, "t", 0, 0))) {
            TracedWork work = new TracedWork("payment", cause);
            try (Scope active = work.activate()) {
                work.emitted("oms.events", "oms.payment.v1.PaymentAuthorized", "order-1", null);
            }
        }

        assertThat(otel.getSpans()).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("payment handle StockReserved", "payment send PaymentAuthorized");
        assertThat(span("payment send PaymentAuthorized").getParentSpanId())
                .isEqualTo(span("payment handle StockReserved").getSpanId());
    }

    private static Envelope message(String traceparent) {
        return new Envelope(UUID.randomUUID(), "oms.inventory.v1.StockReserved", 1, "order-1", null, "saga-1",
                Instant.parse("2025-01-01T00:00:00Z"), traceparent, "inventory");
    }

    private static SpanData span(String name) {
        return otel.getSpans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no span " + name + " in " + otel.getSpans()));
    }
}
