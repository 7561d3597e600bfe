package dev.oms.projections.replay;

import java.util.List;

/**
 * How the rebuilt tables compared, by {@link TableChecksum}, with the live ones they replaced, at the swap: both then
 * hold exactly the messages the live consumer had applied, so they are equal unless the projection's code or the
 * live tables went wrong.
 */
public sealed interface Comparison {

    record Equal() implements Comparison {}

    /** The tables that differed; the replaced ones are kept for a look. */
    record Differ(List<String> tables, String keptIn) implements Comparison {

        public Differ {
            tables = List.copyOf(tables);
        }
    }

    record NotCompared(String reason) implements Comparison {}
}
