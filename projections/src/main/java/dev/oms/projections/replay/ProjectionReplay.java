package dev.oms.projections.replay;

import dev.oms.audit.AuditLog;
import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditRecord;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Upcasters;
import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.ProjectionsService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Rebuilds a projection from the audit log while the live consumer goes on: the audit log is folded into fresh
 * tables (in memory and copied in bulk, or by the projection's own handler), then {@link Swap} applies what the live
 * consumer applied since and swaps the tables in. With verification it first waits (briefly) for the live consumer to
 * have applied everything the rebuild read, so that at the swap both sets of tables hold the same messages and their
 * checksums can be compared. The audit log and the projection must live in one database.
 */
public final class ProjectionReplay {
    private static final Duration LIVE_CATCH_UP = Duration.ofSeconds(10);

    /**
     * Where to start ({@code from} null: all of history into empty tables), how many workers apply events one by one
     * when the projection is not folded in memory, and whether to compare the rebuilt tables with the live ones.
     */
    public record Options(Instant from, int workers, boolean verify) {}

    /** Told how many events were applied out of how many there are to apply. */
    @FunctionalInterface
    public interface Progress {
        void update(long applied, long total);
    }

    /**
     * What a rebuild did: events in the bulk pass, events applied at the swap, how long it took, of which how long it
     * waited for the live consumer or the audit log to catch up, and the comparison.
     */
    public record Report(String projection, long events, long tailEvents, Duration elapsed, Duration waited,
                         Comparison comparison) {
        /** Over the rebuild's own time: waiting for other consumers is not its work. */
        public double eventsPerSecond() {
            return (events + tailEvents) / Math.max(elapsed.minus(waited).toNanos() / 1e9, 1e-9);
        }
    }

    private final DataSource dataSource;

    /** {@code dataSource} connects as the owner of the projections schema. */
    public ProjectionReplay(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * From empty tables, a projection folded in memory is loaded in bulk; otherwise (or with {@code from}) its
     * handler applies the events one by one, over a copy of the live tables with {@code from}.
     */
    public Report rebuild(ReplayableProjection projection, Options options, Progress progress) throws SQLException {
        long start = System.nanoTime();
        String live = ProjectionsService.NAME;
        StagingTables staging = new StagingTables(live, live + "_replay_" + projection.name(), projection.tables());
        boolean bulk = options.from() == null && projection.foldable();
        AuditQuery query = AuditQuery.all().ofTypes(Upcasters.withOlderVersions(projection.types())).onTopic(Channels.EVENTS)
                .between(options.from(), null);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            staging.create(c, options.from() != null, !bulk);
            ReadMark mark = new ReadMark(databaseNow(c));
            long total = count(c, query);
            if (bulk) {
                BulkLoad.load(dataSource, c, staging.schema(), projection.fold(), query, mark, progress, total);
            } else {
                ReplayWorkers.apply(dataSource, c, staging.schema(), projection, options.workers(), query, mark,
                        progress, total);
            }
            progress.update(mark.events(), Math.max(total, mark.events()));
            staging.buildDeferredIndexes(c);
            LiveConsumer consumer = new LiveConsumer();
            Comparison.NotCompared notCompared = comparable(c, consumer, options, query, mark);
            Swap.Done done = new Swap(c, staging, projection, consumer).run(query, mark, notCompared);
            return new Report(projection.name(), mark.events(), done.tail(),
                    Duration.ofNanos(System.nanoTime() - start), consumer.waited(), done.comparison());
        }
    }

    /** Null when the swap may compare checksums, else why not. */
    private static Comparison.NotCompared comparable(Connection c, LiveConsumer live, Options options,
                                                     AuditQuery query, ReadMark mark) throws SQLException {
        if (!options.verify()) {
            return new Comparison.NotCompared("verification off");
        }
        long behind = live.awaitApplied(c, query, mark.lastSeq(), LIVE_CATCH_UP);
        return behind == 0 ? null : new Comparison.NotCompared(
                "the live consumer had not applied " + behind + " of the messages read within "
                        + LIVE_CATCH_UP.toSeconds() + " s");
    }

    static IncomingMessage messageOf(AuditRecord record) {
        return IncomingMessage.read(record.envelope(), record.payload(), record.topic(), 0, record.seq());
    }

    private static long count(Connection c, AuditQuery query) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM " + AuditLog.TABLE
                + " WHERE type = ANY(?) AND topic = ? AND occurred_at >= COALESCE(?::timestamptz, '-infinity')")) {
            select.setArray(1, c.createArrayOf("text", query.types().toArray()));
            select.setString(2, query.topic());
            select.setTimestamp(3, query.from() == null ? null : Timestamp.from(query.from()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static Instant databaseNow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
