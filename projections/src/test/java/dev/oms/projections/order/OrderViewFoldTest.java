package dev.oms.projections.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.RowFold;
import dev.oms.projections.replay.ReplayableProjection;
import org.junit.jupiter.api.Test;

class OrderViewFoldTest {

    @Test
    void foldsEveryEventTypeTheLiveProjectorsApply() {
        EventRoutes live = new EventRoutes();
        OrderProjection.routeTo(live);

        assertThat(OrderProjection.foldRoutes().types()).isEqualTo(live.types());
    }

    @Test
    void fillsExactlyTheTablesARebuildSwaps() {
        assertThat(OrderProjection.fold().tables()).extracting(RowFold.Table::name)
                .containsExactlyInAnyOrderElementsOf(ReplayableProjection.named("order_view").tables());
    }
}
