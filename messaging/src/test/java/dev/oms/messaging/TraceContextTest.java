package dev.oms.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {
    private static final String W3C = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void handlingAMessageIsANewSpanInTheTraceOfThatMessage() {
        String child = TraceContext.childOf(PARENT);

        assertThat(child).matches(W3C).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                .isNotEqualTo(PARENT);
        assertThat(TraceContext.traceId(child)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void workCausedByNoMessageStartsASampledTrace() {
        String root = TraceContext.childOf(null);

        assertThat(root).matches(W3C).endsWith("-01");
        assertThat(TraceContext.traceId(root)).isNotEqualTo(TraceContext.traceId(TraceContext.childOf(null)));
    }

    @Test
    void anUnreadableOrInvalidParentStartsANewTrace() {
        assertThat(TraceContext.childOf("garbage")).matches(W3C);
        assertThat(TraceContext.traceId(TraceContext.childOf("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")))
                .isNotEqualTo("0".repeat(32));
    }
}
