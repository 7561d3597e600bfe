package dev.oms.app;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/**
 * Keeps every span a test JVM's platform makes in memory: the SDK the launcher installs (Telemetry) finds this
 * customizer through ServiceLoader (META-INF/services), whichever test starts a platform first.
 */
public final class TestTraces implements AutoConfigurationCustomizerProvider {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Override
    public void customize(AutoConfigurationCustomizer sdk) {
        sdk.addTracerProviderCustomizer((tracing, config) -> tracing.addSpanProcessor(SimpleSpanProcessor.create(SPANS)));
    }

    /** The ended spans of one trace so far. */
    static List<SpanData> ofTrace(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
