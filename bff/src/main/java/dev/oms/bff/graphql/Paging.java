package dev.oms.bff.graphql;

import dev.oms.projections.api.Page;
import java.util.List;

/** Checks the paging arguments of connection fields. */
public final class Paging {
    public static final int DEFAULT_SIZE = 20;

    private Paging() {}

    /** The page size {@code first} asks for, 20 when left out; outside 0..100 a BAD_REQUEST. */
    public static int size(Integer first) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > Page.MAX_SIZE) {
            throw new BadArgumentException(ErrorCodes.INVALID_PAGE_SIZE,
                    "first must be between 0 and " + Page.MAX_SIZE);
        }
        return size;
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, null, 0);
    }
}
