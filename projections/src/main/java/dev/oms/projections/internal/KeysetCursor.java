package dev.oms.projections.internal;

import dev.oms.projections.api.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * An opaque cursor over a list ordered by (time, id), for keyset paging. The prefix names the list, so a cursor
 * of one list is refused by another.
 */
public record KeysetCursor(Instant at, String id) {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** Times a cursor may name: what the database can compare with, and far wider than any row's. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode(String list) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), MICROS_PER_SECOND), at.getNano() / 1_000);
        String raw = list + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} names in {@code list}. */
    public static KeysetCursor decode(String list, String cursor) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
        String[] parts = raw.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(list) || parts[2].isEmpty()) {
            throw new InvalidCursorException(cursor);
        }
        if (parts[2].chars().anyMatch(KeysetCursor::isControl)) {
            throw new InvalidCursorException(cursor); // no id has one, and the database refuses a NUL
        }
        Instant at;
        try {
            long micros = Long.parseLong(parts[1]);
            at = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                    Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException(cursor);
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new InvalidCursorException(cursor);
        }
        return new KeysetCursor(at, parts[2]);
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
