package dev.oms.projections.catalog;

import dev.oms.projections.api.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors over the catalog's sku order; the prefix lets a foreign cursor be told apart. */
final class Cursors {
    private static final String PREFIX = "product:";

    private Cursors() {}

    static String of(String sku) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + sku).getBytes(StandardCharsets.UTF_8));
    }

    /** The sku the cursor points at. */
    static String skuOf(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
        if (!decoded.startsWith(PREFIX) || decoded.length() == PREFIX.length()
                || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) { // no sku has one; the database refuses a NUL
            throw new InvalidCursorException(cursor);
        }
        return decoded.substring(PREFIX.length());
    }
}
