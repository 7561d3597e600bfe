package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.CancelReturnExpectation;
import dev.oms.contracts.fulfillment.v1.ReturnCancelRefused;
import dev.oms.contracts.fulfillment.v1.ReturnExpectationCancelled;
import dev.oms.fulfillment.adapters.ReturnReceiptTable.Receipt;
import dev.oms.fulfillment.domain.ReturnReceiptStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Withdraws an expected return (the customer's change of mind, or the time to send it back ran out). Once received
 * it cannot be: ReturnCancelRefused, and the return goes on. A withdrawal that overtakes its ExpectReturn is recorded
 * as CANCELLED, so the late ExpectReturn creates nothing.
 */
final class CancelReturnExpectationHandler implements MessageHandler {
    private final ReturnReceiptTable receipts;

    CancelReturnExpectationHandler(ReturnReceiptTable receipts) {
        this.receipts = receipts;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        CancelReturnExpectation command = message.payloadAs(CancelReturnExpectation.class);
        Optional<Receipt> found = receipts.findForUpdate(tx.connection(), command.getReturnId());
        if (found.isEmpty()) {
            receipts.insert(tx.connection(), command.getReturnId(), command.getOrderId(), ReturnReceiptStatus.CANCELLED,
                    message.envelope().sagaId(), Map.of(), tx.now());
        } else if (found.get().status() == ReturnReceiptStatus.RECEIVED) {
            tx.publish(command.getOrderId(), ReturnCancelRefused.newBuilder().setReturnId(command.getReturnId())
                    .setOrderId(command.getOrderId()).setReason("the warehouse has received the return").build());
            return;
        } else if (found.get().status() == ReturnReceiptStatus.EXPECTED) {
            receipts.cancelled(tx.connection(), found.get(), tx.now());
        }
        tx.publish(command.getOrderId(), ReturnExpectationCancelled.newBuilder().setReturnId(command.getReturnId())
                .setOrderId(command.getOrderId()).build());
    }
}
