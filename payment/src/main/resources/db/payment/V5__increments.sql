-- Order edits with a higher total (issue 17): each edit's difference is an authorization of its own at the provider,
-- named by the edit's operation id, then captured whole or released. The payment's totals include the increments
-- (payment.amount is everything authorized, so its ledger check keeps holding). Refunds spread over the original
-- authorization and the captured increments, each at most up to its capture: refunded_amount is an increment's part;
-- the original's is the payment's refunded_amount less its increments'. A release that came before the authorization
-- leaves a VOIDED row without authorization id, so the late authorization is declined.
CREATE TABLE payment_increment (
    order_id         TEXT        NOT NULL,
    operation_id     TEXT        NOT NULL,
    seq              BIGINT      GENERATED ALWAYS AS IDENTITY, -- the order increments were made in, for refunds
    status           TEXT        NOT NULL CHECK (status IN ('AUTHORIZED', 'CAPTURED', 'VOIDED', 'DECLINED')),
    amount           BIGINT      NOT NULL CHECK (amount >= 0),
    currency         TEXT        NOT NULL,
    authorization_id TEXT,
    refunded_amount  BIGINT      NOT NULL DEFAULT 0,
    decline_code     TEXT,
    decline_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, operation_id),
    CONSTRAINT payment_increment_refunds_its_capture
        CHECK (refunded_amount >= 0 AND refunded_amount <= CASE WHEN status = 'CAPTURED' THEN amount ELSE 0 END),
    CONSTRAINT payment_increment_authorization
        CHECK ((status NOT IN ('AUTHORIZED', 'CAPTURED') OR authorization_id IS NOT NULL)
               AND (status <> 'DECLINED' OR authorization_id IS NULL))
);
