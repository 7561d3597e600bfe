package dev.oms.bench.measure;

import dev.oms.bench.OrderKind;
import dev.oms.bench.load.PhaseResult.PlacedOrder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * How the PlaceOrder sagas of the placed orders ended, from the order service's saga table: their end states,
 * the last end, and the time from each checkout (the cart's checkout row, or when {@code --direct} published it)
 * to COMPLETED.
 */
public record SagaOutcomes(long completed, long compensated, long compensationFailed, long unfinished,
                           long unexpected, Instant lastEnd, Histogram checkoutToCompletedMicros) {
    private static final String SAGAS = """
            SELECT s.correlation_id, s.status, s.ended_at, c.created_at
            FROM "order".saga_instance s LEFT JOIN cart.checkout c ON c.order_id::text = s.correlation_id
            WHERE s.saga_type = 'PlaceOrder' AND s.correlation_id = ANY (?)""";

    private record Row(String status, Instant endedAt, Instant checkoutAt) {}

    public static SagaOutcomes of(BenchDatabase database, List<PlacedOrder> placed) {
        Map<String, Row> rows = database.query(SAGAS, BenchDatabase.texts(ids(placed)), result -> {
            Map<String, Row> found = new HashMap<>();
            while (result.next()) {
                found.put(result.getString(1), new Row(result.getString(2), instant(result.getTimestamp(3)),
                        instant(result.getTimestamp(4))));
            }
            return found;
        });
        Histogram latency = new Histogram(3_600_000_000L, 3);
        Map<String, Long> byStatus = new HashMap<>();
        long unexpected = 0;
        Instant lastEnd = null;
        for (PlacedOrder order : placed) {
            Row row = rows.get(order.orderId());
            String status = row == null ? "NOT_STARTED" : row.status();
            byStatus.merge(status, 1L, Long::sum);
            if (!status.equals(expected(order.kind()))) {
                unexpected++;
            }
            if (row != null && row.endedAt() != null) {
                lastEnd = lastEnd == null || row.endedAt().isAfter(lastEnd) ? row.endedAt() : lastEnd;
                Instant checkoutAt = row.checkoutAt() != null ? row.checkoutAt() : order.checkoutAt();
                if (status.equals("COMPLETED") && checkoutAt != null) {
                    latency.recordValue(Math.max(0, Duration.between(checkoutAt, row.endedAt()).toNanos() / 1_000));
                }
            }
        }
        long completed = byStatus.getOrDefault("COMPLETED", 0L);
        long compensated = byStatus.getOrDefault("COMPENSATED", 0L);
        long failed = byStatus.getOrDefault("COMPENSATION_FAILED", 0L);
        return new SagaOutcomes(completed, compensated, failed, placed.size() - completed - compensated - failed,
                unexpected, lastEnd, latency);
    }

    public long ended() {
        return completed + compensated + compensationFailed;
    }

    private static String expected(OrderKind kind) {
        return kind == OrderKind.OK ? "COMPLETED" : "COMPENSATED";
    }

    private static String[] ids(List<PlacedOrder> placed) {
        return placed.stream().map(PlacedOrder::orderId).toArray(String[]::new);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
