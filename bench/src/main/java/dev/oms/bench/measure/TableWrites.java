package dev.oms.bench.measure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows inserted, updated and deleted per table so far (pg_stat_user_tables): the difference over a run shows which
 * tables a saga writes, and how often.
 */
public record TableWrites(Map<String, Long> byTable) {
    private static final String WRITES = """
            SELECT schemaname || '.' || relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables""";

    public static TableWrites take(BenchDatabase database) {
        return new TableWrites(database.query(WRITES, rows -> {
            Map<String, Long> writes = new HashMap<>();
            while (rows.next()) {
                writes.put(rows.getString(1), rows.getLong(2));
            }
            return writes;
        }));
    }

    /** The tables written most since {@code before}, most first, as rows per saga. */
    public Map<String, Double> perSagaSince(TableWrites before, long sagas, int top) {
        Map<String, Double> perSaga = new LinkedHashMap<>();
        byTable.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.byTable.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> perSaga.put(e.getKey(), Math.round(10.0 * e.getValue() / Math.max(1, sagas)) / 10.0));
        return perSaga;
    }
}
