package dev.oms.fulfillment.adapters;

import dev.oms.contracts.Channels;
import dev.oms.fulfillment.adapters.ReturnReceiptTable.Receipt;
import dev.oms.fulfillment.api.FulfillmentError;
import dev.oms.fulfillment.api.ReceivedUnits;
import dev.oms.fulfillment.api.ReturnReceipt;
import dev.oms.fulfillment.domain.ReturnReceiptStatus;
import dev.oms.fulfillment.domain.ReturnedUnits;
import dev.oms.fulfillment.domain.ReturnedUnits.Accepted;
import dev.oms.fulfillment.domain.ReturnedUnits.Placed;
import dev.oms.fulfillment.domain.ReturnedUnits.Received;
import dev.oms.fulfillment.domain.ReturnedUnits.Refused;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The warehouse's return desk: an operator receives an expected return's parcel and judges every unit. The receipt
 * and its reply to the waiting saga (ReturnReceived) commit together; bad input changes nothing and says why.
 */
public final class ReturnDesk {
    private final Transactions transactions;
    private final ReturnReceiptTable receipts = new ReturnReceiptTable();

    public ReturnDesk(Transactions transactions) {
        this.transactions = transactions;
    }

    public ReturnReceipt receiveReturn(String returnId, List<ReceivedUnits> units) {
        if (returnId == null || returnId.isBlank()) {
            return ReturnReceipt.refused(returnId, FulfillmentError.INVALID_INPUT, "returnId", "returnId is required");
        }
        if (units == null || units.isEmpty() || units.stream().anyMatch(u -> u == null || u.sku() == null)) {
            return ReturnReceipt.refused(returnId, FulfillmentError.INVALID_INPUT, "units",
                    "list the units received, per sku");
        }
        List<Received> received = units.stream().map(u -> new Received(u.sku(), u.restockable(), u.damaged())).toList();
        return transactions.inTransaction(tx -> receive(tx, returnId, received));
    }

    private ReturnReceipt receive(TransactionContext tx, String returnId, List<Received> received) throws SQLException {
        Optional<Receipt> found = receipts.findForUpdate(tx.connection(), returnId);
        if (found.isEmpty()) {
            return ReturnReceipt.refused(returnId, FulfillmentError.RETURN_NOT_FOUND, "returnId", "no return " + returnId);
        }
        Receipt receipt = found.get();
        if (receipt.status() == ReturnReceiptStatus.CANCELLED) {
            return ReturnReceipt.refused(returnId, FulfillmentError.RETURN_NOT_EXPECTED, "returnId",
                    "the return was withdrawn; nothing is expected");
        }
        ReturnedUnits.Verdict verdict = ReturnedUnits.judge(receipt.expected(), received,
                receipts.shipped(tx.connection(), receipt.orderId()));
        if (verdict instanceof Refused refused) {
            return ReturnReceipt.refused(returnId, FulfillmentError.INVALID_INPUT, refused.field(), refused.message());
        }
        List<Placed> placed = ((Accepted) verdict).units();
        if (receipt.status() == ReturnReceiptStatus.RECEIVED) {
            return placed.equals(receipt.units()) ? answer(receipt, placed)
                    : ReturnReceipt.refused(returnId, FulfillmentError.RETURN_ALREADY_RECEIVED, "returnId",
                            "the return was received already, with other counts");
        }
        receipts.received(tx.connection(), receipt, placed, tx.now());
        tx.emit(Channels.EVENTS, receipt.orderId(), receipt.sagaId(), ReturnReplies.received(receipt, placed));
        return answer(receipt, placed);
    }

    private static ReturnReceipt answer(Receipt receipt, List<Placed> placed) {
        return new ReturnReceipt(receipt.returnId(), receipt.orderId(), ReturnReceiptStatus.RECEIVED.name(),
                placed.stream().map(p -> new ReturnReceipt.Units(p.sku(), p.warehouse(), p.restockable(), p.damaged()))
                        .toList(), null);
    }
}
