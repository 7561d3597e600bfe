package dev.oms.app.platform;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * The process's OpenTelemetry SDK, installed once as the global OpenTelemetry before any service starts, so that the
 * spans of every service, the saga engine and the BFF go to the same tracer provider. Configured from the standard
 * {@code OTEL_*} environment (endpoint, headers, service name, sampler, resource attributes); spans leave the process
 * only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is set, over OTLP/HTTP.
 * Without an endpoint spans are still made (trace ids in logs and message headers) and dropped.
 */
public final class Telemetry {
    private static OpenTelemetrySdk installed;

    private Telemetry() {}

    /** Installs the SDK unless this process already has; {@code serviceName} unless OTEL_SERVICE_NAME says otherwise. */
    public static synchronized OpenTelemetry install(String serviceName) {
        if (installed == null) {
            installed = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> defaults(serviceName, System.getenv()))
                    .setResultAsGlobal()
                    .build()
                    .getOpenTelemetrySdk();
            // flushes the spans still batched when the process stops; platforms come and go, the SDK stays
            Runtime.getRuntime().addShutdownHook(new Thread(installed::close, "oms-telemetry-shutdown"));
        }
        return installed;
    }

    /** Where spans go, for the startup log. */
    public static String destination() {
        String endpoint = System.getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        endpoint = isSet(endpoint) ? endpoint : System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
        return isSet(endpoint) ? "traces are exported over OTLP to " + endpoint
                : "traces are not exported (set OTEL_EXPORTER_OTLP_ENDPOINT to send them to a collector)";
    }

    /** Defaults under the environment's own OTEL_* settings: traces only, exported only to a configured endpoint. */
    static Map<String, String> defaults(String serviceName, Map<String, String> env) {
        boolean endpoint = isSet(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")) || isSet(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        return Map.of(
                "otel.service.name", serviceName,
                "otel.traces.exporter", endpoint ? "otlp" : "none",
                // the only sender on the class path is the JDK's HTTP client
                "otel.exporter.otlp.protocol", "http/protobuf",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
