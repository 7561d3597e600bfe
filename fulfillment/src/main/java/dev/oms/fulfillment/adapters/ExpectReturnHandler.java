package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.ExpectReturn;
import dev.oms.contracts.fulfillment.v1.ReturnExpectationCancelled;
import dev.oms.contracts.fulfillment.v1.ReturnLine;
import dev.oms.fulfillment.adapters.ReturnReceiptTable.Receipt;
import dev.oms.fulfillment.domain.ReturnReceiptStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a return the warehouse is to expect, and the saga that waits for its receipt: no reply now, ReturnReceived
 * when an operator has received the parcel. A repeat (the saga asking again) replies ReturnReceived if it was received
 * meanwhile, ReturnExpectationCancelled if it was withdrawn, and nothing while it is still expected.
 */
final class ExpectReturnHandler implements MessageHandler {
    private final ReturnReceiptTable receipts;

    ExpectReturnHandler(ReturnReceiptTable receipts) {
        this.receipts = receipts;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        ExpectReturn command = message.payloadAs(ExpectReturn.class);
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (ReturnLine line : command.getLinesList()) {
            expected.merge(line.getSku(), line.getQuantity(), Integer::sum);
        }
        if (receipts.insert(tx.connection(), command.getReturnId(), command.getOrderId(), ReturnReceiptStatus.EXPECTED,
                message.envelope().sagaId(), expected, tx.now())) {
            return;
        }
        Receipt receipt = receipts.findForUpdate(tx.connection(), command.getReturnId()).orElseThrow();
        switch (receipt.status()) {
            case RECEIVED -> tx.publish(receipt.orderId(), ReturnReplies.received(receipt, receipt.units()));
            case CANCELLED -> tx.publish(receipt.orderId(), ReturnExpectationCancelled.newBuilder()
                    .setReturnId(receipt.returnId()).setOrderId(receipt.orderId()).build());
            case EXPECTED -> { }
        }
    }
}
