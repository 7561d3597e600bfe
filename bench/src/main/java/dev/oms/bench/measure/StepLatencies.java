package dev.oms.bench.measure;

import dev.oms.bench.BenchReport.StepLatency;
import dev.oms.bench.load.PhaseResult.PlacedOrder;
import java.util.ArrayList;
import java.util.List;

/** Per step of the PlaceOrder saga: from the step's start (its command sent) to its end (its reply applied). */
public final class StepLatencies {
    private static final String STEPS = """
            SELECT st.name, count(*),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM st.ended_at - st.started_at)),
                   percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM st.ended_at - st.started_at))
            FROM "order".saga_step st JOIN "order".saga_instance s ON s.saga_id = st.saga_id
            WHERE s.saga_type = 'PlaceOrder' AND s.correlation_id = ANY (?)
              AND st.status = 'SUCCEEDED' AND st.started_at IS NOT NULL AND st.ended_at IS NOT NULL
            GROUP BY st.step_index, st.name ORDER BY st.step_index""";

    private StepLatencies() {}

    public static List<StepLatency> of(BenchDatabase database, List<PlacedOrder> placed) {
        String[] ids = placed.stream().map(PlacedOrder::orderId).toArray(String[]::new);
        return database.query(STEPS, BenchDatabase.texts(ids), rows -> {
            List<StepLatency> steps = new ArrayList<>();
            while (rows.next()) {
                steps.add(new StepLatency(rows.getString(1), rows.getLong(2), millis(rows.getDouble(3)),
                        millis(rows.getDouble(4))));
            }
            return steps;
        });
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 10_000) / 10.0;
    }
}
