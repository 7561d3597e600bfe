package dev.oms.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void spansStayInTheProcessUnlessAnOtlpEndpointIsSet() {
        assertThat(Telemetry.defaults("oms", Map.of())).containsEntry("otel.traces.exporter", "none")
                .containsEntry("otel.service.name", "oms");
        assertThat(Telemetry.defaults("oms", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).containsEntry("otel.traces.exporter", "none");
    }

    @Test
    void anOtlpEndpointSendsTracesOverHttpAndNothingElse() {
        Map<String, String> defaults = Telemetry.defaults("oms-order", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318"));

        assertThat(defaults).containsEntry("otel.traces.exporter", "otlp")
                .containsEntry("otel.exporter.otlp.protocol", "http/protobuf")
                .containsEntry("otel.metrics.exporter", "none").containsEntry("otel.logs.exporter", "none");
        assertThat(Telemetry.defaults("oms", Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://jaeger:4318/v1/traces")))
                .containsEntry("otel.traces.exporter", "otlp");
    }
}
