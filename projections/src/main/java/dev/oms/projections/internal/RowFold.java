package dev.oms.projections.internal;

import dev.oms.messaging.IncomingMessage;
import java.util.List;

/**
 * A projection folded in memory into the rows its tables would hold, for a rebuild into empty tables: the same
 * result as its handler applying the same events one by one in SQL, without a statement per event. Events come
 * grouped by order, each order's in the order they happened; {@link #drain} is called between orders.
 */
public interface RowFold {

    /** A table the fold fills, with its columns in the order {@link RowSink#row} takes their values. */
    record Table(String name, List<String> columns) {

        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** Takes the rows a fold hands over: values are strings, numbers, UUIDs, instants or null. */
    @FunctionalInterface
    interface RowSink {
        void row(Table table, Object... values);
    }

    List<Table> tables();

    void apply(IncomingMessage message);

    /** Hands the rows of every order applied since the last drain to {@code sink} and forgets them. */
    void drain(RowSink sink);
}
