package dev.oms.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.projections.replay.Comparison;
import dev.oms.projections.replay.ProjectionReplay;
import dev.oms.projections.replay.ReplayableProjection;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProjectionReplayIT {

    @Test
    void rebuiltProjectionsEqualTheLiveOnesRowForRow() throws Exception {
        try (ReplayFixture platform = new ReplayFixture()) {
            Workload workload = new Workload(platform, 1);
            workload.catalog(5);
            workload.orders("order", 1_000);
            for (ReplayableProjection projection : ReplayableProjection.ALL) {
                Map<String, String> before = platform.checksums(projection);

                ProjectionReplay.Report report = new ProjectionReplay(platform.dataSource)
                        .rebuild(projection, new ProjectionReplay.Options(null, 4, true), (done, total) -> { });

                System.out.printf("replayed %s: %d events in %d ms, %.0f events/s%n", projection.name(),
                        report.events(), report.elapsed().toMillis(), report.eventsPerSecond());
                assertThat(report.events()).isPositive();
                assertThat(report.comparison()).isEqualTo(new Comparison.Equal());
                assertThat(platform.checksums(projection)).isEqualTo(before);
            }
        }
    }

    /** The live consumer applies a poll's events together (timeline rows, touches, saga snapshots set-based). */
    @Test
    void eventsAppliedInPollsLeaveTheTablesARebuildMakes() throws Exception {
        try (ReplayFixture platform = new ReplayFixture(12, 7)) {
            Workload workload = new Workload(platform, 4);
            workload.catalog(5);
            workload.orders("order", 400);
            platform.flush();
            for (ReplayableProjection projection : ReplayableProjection.ALL) {
                Map<String, String> live = platform.checksums(projection);

                ProjectionReplay.Report report = new ProjectionReplay(platform.dataSource)
                        .rebuild(projection, new ProjectionReplay.Options(null, 2, true), (done, total) -> { });

                assertThat(report.comparison()).as(projection.name()).isEqualTo(new Comparison.Equal());
                assertThat(platform.checksums(projection)).isEqualTo(live);
            }
        }
    }

    @Test
    void rebuildKeepsWhatLiveTrafficAppliedWhileItRan() throws Exception {
        try (ReplayFixture platform = new ReplayFixture()) {
            Workload history = new Workload(platform, 2);
            history.catalog(3);
            history.orders("old", 300);
            ReplayableProjection orderView = ReplayableProjection.named("order_view");

            CompletableFuture<Void> live = CompletableFuture.runAsync(() -> new Workload(platform, 3).orders("new", 100));
            ProjectionReplay.Report report = new ProjectionReplay(platform.dataSource)
                    .rebuild(orderView, new ProjectionReplay.Options(null, 2, true), (done, total) -> { });
            live.join();
            Map<String, String> afterTraffic = platform.checksums(orderView);
            assertThat(report.comparison()).isEqualTo(new Comparison.Equal());

            new ProjectionReplay(platform.dataSource).rebuild(orderView, new ProjectionReplay.Options(null, 2, true),
                    (done, total) -> { });
            assertThat(report.events()).isPositive();
            assertThat(platform.checksums(orderView)).isEqualTo(afterTraffic);
        }
    }

    @Test
    void rebuildFromATimestampReappliesLaterEventsOverTheLiveRows() throws Exception {
        try (ReplayFixture platform = new ReplayFixture()) {
            new Workload(platform, 4).orders("order", 200);
            ReplayableProjection orderView = ReplayableProjection.named("order_view");
            Map<String, String> before = platform.checksums(orderView);

            ProjectionReplay.Report report = new ProjectionReplay(platform.dataSource).rebuild(orderView,
                    new ProjectionReplay.Options(Instant.parse("2026-11-01T08:00:01Z"), 2, true), (done, total) -> { });

            assertThat(report.events()).isPositive();
            assertThat(platform.checksums(orderView)).isEqualTo(before);
        }
    }
}
