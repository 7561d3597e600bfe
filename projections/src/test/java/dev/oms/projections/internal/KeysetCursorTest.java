package dev.oms.projections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.projections.api.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    @Test
    void aCursorNamesThePositionItWasMadeAt() {
        KeysetCursor at = new KeysetCursor(Instant.parse("2026-12-05T10:15:30.123456Z"), "order-42");

        assertThat(KeysetCursor.decode("orders", at.encode("orders"))).isEqualTo(at);
    }

    /** Made-up cursors a client might send: each is an invalid cursor, never a query the database refuses. */
    @ParameterizedTest
    @ValueSource(strings = {"orders:1733390130000000:a\u0000b", "orders:1733390130000000:\u0007",
            "orders:9223372036854775807:order-1", "orders:-9223372036854775808:order-1",
            "orders:-62135596800000001:order-1", "orders:253402300800000000:order-1", "orders:12:", "other:12:x"})
    void aMadeUpCursorIsRefusedAsInvalid(String raw) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KeysetCursor.decode("orders", cursor)).isInstanceOf(InvalidCursorException.class);
    }
}
