-- The payment's ledger (issue 17): what was captured of the authorization, refunded of the capture, and released
-- uncaptured, so partial captures and refunds add up. Existing payments get the amounts their status implies.
ALTER TABLE payment ADD COLUMN captured_amount BIGINT NOT NULL DEFAULT 0,
                    ADD COLUMN refunded_amount BIGINT NOT NULL DEFAULT 0,
                    ADD COLUMN voided_amount   BIGINT NOT NULL DEFAULT 0;
UPDATE payment SET captured_amount = amount WHERE status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED');
UPDATE payment SET refunded_amount = amount WHERE status = 'REFUNDED';
UPDATE payment SET voided_amount = amount WHERE status = 'VOIDED' AND authorization_id IS NOT NULL;
ALTER TABLE payment ADD CONSTRAINT payment_ledger_adds_up
    CHECK (captured_amount >= 0 AND refunded_amount >= 0 AND voided_amount >= 0
           AND captured_amount + voided_amount <= amount AND refunded_amount <= captured_amount);

-- Every partial operation asked for by id (a return's refund, an edit's difference): a repeat of the id is answered
-- from here and never reaches the provider as a new operation.
CREATE TABLE payment_operation (
    order_id     TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('CAPTURE', 'REFUND')),
    operation_id TEXT        NOT NULL,
    amount       BIGINT      NOT NULL CHECK (amount > 0),
    currency     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, kind, operation_id)
);
