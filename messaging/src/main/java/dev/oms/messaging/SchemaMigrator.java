package dev.oms.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings one service schema up to date: first the tables of shared components it uses (always the
 * messaging tables: outbox, inbox, dead letters), each from {@code classpath:db/<component>} with a history
 * table of its own so their versions never collide with the service's; then the service's own migrations
 * from {@code classpath:db/<service>}.
 */
public final class SchemaMigrator {
    private SchemaMigrator() {}

    public static void migrate(DataSource dataSource, String schema, String... components) {
        flyway(dataSource, schema).locations("classpath:db/messaging").table("messaging_schema_history").load().migrate();
        for (String component : components) {
            flyway(dataSource, schema).locations("classpath:db/" + component).table(component + "_schema_history")
                    .load().migrate();
        }
        flyway(dataSource, schema).locations("classpath:db/" + schema).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource, String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                // the schema is shared by several histories: a non-empty schema is normal, start below V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(false);
    }
}
