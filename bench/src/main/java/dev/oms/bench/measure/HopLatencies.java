package dev.oms.bench.measure;

import dev.oms.bench.BenchReport.HopLatency;
import dev.oms.bench.load.PhaseResult.PlacedOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Each hop of the measured orders' messages, from the audit log's causation chain: from the transaction that emitted
 * a message (its occurred_at, read when that transaction began) to the transaction that handled it and emitted the
 * next one. A hop is the emitter's commit, the relay, the broker, the consumer's poll and its wait in the queue.
 */
public final class HopLatencies {
    private static final String HOPS = """
            SELECT split_part(c.type, '.', 4) AS cause, split_part(e.type, '.', 4) AS effect, count(*),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.occurred_at - c.occurred_at)),
                   percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.occurred_at - c.occurred_at))
            FROM audit.message e JOIN audit.message c ON c.message_id = e.causation_id
            WHERE e.correlation_id = ANY (?) AND c.correlation_id = e.correlation_id
              AND e.type NOT LIKE '%SagaUpdated' AND e.type NOT LIKE '%StockLevelChanged'
            GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY count(*) DESC, 1, 2 LIMIT 16""";

    private HopLatencies() {}

    /** The hops most orders took (at least a tenth of them), empty when the audit log cannot be read. */
    public static List<HopLatency> of(BenchDatabase database, List<PlacedOrder> placed) {
        String[] ids = placed.stream().map(PlacedOrder::orderId).toArray(String[]::new);
        try {
            return database.query(HOPS, (connection, statement) -> {
                statement.setArray(1, connection.createArrayOf("text", ids));
                statement.setInt(2, Math.max(1, ids.length / 10));
            }, rows -> {
                List<HopLatency> hops = new ArrayList<>();
                while (rows.next()) {
                    hops.add(new HopLatency(rows.getString(1) + " -> " + rows.getString(2), rows.getLong(3),
                            millis(rows.getDouble(4)), millis(rows.getDouble(5))));
                }
                return hops;
            });
        } catch (IllegalStateException e) {
            return List.of();
        }
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 10_000) / 10.0;
    }
}
