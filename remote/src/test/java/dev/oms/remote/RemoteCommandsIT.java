package dev.oms.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.contracts.Idempotent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A command interface called over loopback HTTP: values both ways, deadlines, retries of idempotent calls only. */
class RemoteCommandsIT {
    private static final RemoteCommands.Settings FAST =
            new RemoteCommands.Settings(Duration.ofMillis(300), 3, Duration.ofMillis(10), Duration.ofSeconds(5));

    record Line(String sku, int quantity) {}

    record Basket(String id, List<Line> lines) {}

    interface Baskets {
        Basket create(String customer);

        @Idempotent
        Optional<Basket> find(String id);

        @Idempotent
        Basket slowToFind(String id);

        String traceSeen();
    }

    static final class InMemoryBaskets implements Baskets {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger slowCalls = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Basket create(String customer) {
            created.incrementAndGet();
            return new Basket("b-" + customer, new ArrayList<>(List.of(new Line("SKU-1", 2))));
        }

        @Override
        public Optional<Basket> find(String id) {
            return id.equals("b-ada") ? Optional.of(new Basket(id, List.of())) : Optional.empty();
        }

        @Override
        public String traceSeen() {
            return Span.current().getSpanContext().getTraceId();
        }

        @Override
        public Basket slowToFind(String id) {
            slowCalls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Basket(id, List.of());
        }
    }

    private final InMemoryBaskets baskets = new InMemoryBaskets();
    private final CommandServer server = CommandServer.start(0).serve(Baskets.class, baskets);
    private final Baskets remote = RemoteCommands.client(Baskets.class, "baskets", "http://127.0.0.1:" + server.port(), FAST);

    @AfterEach
    void stop() {
        baskets.release.countDown();
        server.close();
    }

    @Test
    void valuesGoAndComeBackAsTheyWere() {
        assertThat(remote.create("ada")).isEqualTo(new Basket("b-ada", List.of(new Line("SKU-1", 2))));
        assertThat(remote.find("b-ada")).contains(new Basket("b-ada", List.of()));
        assertThat(remote.find("nope")).isEmpty();
    }

    @Test
    void theServiceWorksInTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span caller = Span.wrap(SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault()));

        try (Scope ignored = caller.makeCurrent()) {
            assertThat(remote.traceSeen()).isEqualTo(traceId);
        }
    }

    @Test
    void aCallPastItsDeadlineIsServiceUnavailableAndAnIdempotentOneWasTriedAgain() {
        assertThatThrownBy(() -> remote.slowToFind("b-1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("baskets did not answer");
        assertThat(baskets.slowCalls).hasValue(3);
    }

    @Test
    void aServiceThatIsGoneIsServiceUnavailableAndACallThatIsNotIdempotentIsSentOnce() {
        server.close();

        assertThatThrownBy(() -> remote.create("ada")).isInstanceOf(ServiceUnavailableException.class);
        assertThat(baskets.created).hasValue(0);
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndCallsFailAtOnce() {
        server.close();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> remote.create("ada")).isInstanceOf(ServiceUnavailableException.class);
        }

        assertThatThrownBy(() -> remote.create("ada")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("not called for a while");
    }
}
