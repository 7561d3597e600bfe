package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.ReceivedReturnLine;
import dev.oms.contracts.fulfillment.v1.ReturnReceived;
import dev.oms.fulfillment.adapters.ReturnReceiptTable.Receipt;
import dev.oms.fulfillment.domain.ReturnedUnits.Placed;
import java.util.List;

/** ReturnReceived from the recorded receipt, so a repeat replies the same. */
final class ReturnReplies {
    private ReturnReplies() {}

    static ReturnReceived received(Receipt receipt, List<Placed> units) {
        ReturnReceived.Builder reply = ReturnReceived.newBuilder().setReturnId(receipt.returnId())
                .setOrderId(receipt.orderId());
        units.forEach(unit -> reply.addLines(ReceivedReturnLine.newBuilder().setSku(unit.sku())
                .setWarehouse(unit.warehouse()).setRestockable(unit.restockable()).setDamaged(unit.damaged())));
        return reply.build();
    }
}
