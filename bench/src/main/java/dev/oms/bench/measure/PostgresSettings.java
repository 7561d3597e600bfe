package dev.oms.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/** The server settings that decide what a commit costs, as the report states them. */
public final class PostgresSettings {
    private PostgresSettings() {}

    public static Map<String, String> of(BenchDatabase database) {
        return database.query("""
                SELECT name, setting FROM pg_settings
                WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections',
                               'server_version')
                ORDER BY name""", rows -> {
            Map<String, String> settings = new LinkedHashMap<>();
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
            return settings;
        });
    }
}
