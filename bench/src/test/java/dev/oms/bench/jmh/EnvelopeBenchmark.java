package dev.oms.bench.jmh;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.Upcasters;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The envelope to Kafka headers (as the outbox relay sends a row) and back (as a consumer reads a record). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnvelopeBenchmark {
    private final Envelope envelope = TypicalMessages.envelope();
    private final Headers headers = toHeaders(envelope);

    @Benchmark
    public Headers envelopeToKafkaHeaders() {
        return toHeaders(envelope);
    }

    @Benchmark
    public Envelope envelopeFromKafkaHeaders() {
        return Envelope.fromHeaders(name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        });
    }

    /**
     * What a consumer pays for a record of a type it does not handle (most records on the shared event topic): the
     * type header read and looked up, where it used to parse the whole envelope first ({@link #envelopeFromKafkaHeaders}).
     */
    @Benchmark
    public boolean passOverARecordOfAnotherType() {
        Header type = headers.lastHeader(Envelope.TYPE);
        return HANDLED.contains(Upcasters.currentTypeOf(new String(type.value(), StandardCharsets.UTF_8)));
    }

    private static final Set<String> HANDLED = Set.of("oms.inventory.v1.StockReserved", "oms.payment.v1.PaymentAuthorized");

    private static Headers toHeaders(Envelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        envelope.toHeaders().forEach(headers::add);
        return headers;
    }
}
