-- One payment per order. Amounts in minor units of the currency.
CREATE TABLE payment (
    order_id         TEXT        PRIMARY KEY,
    payment_id       TEXT        NOT NULL UNIQUE,
    status           TEXT        NOT NULL CHECK (status IN ('AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'VOIDED',
                                                            'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    amount           BIGINT      NOT NULL,
    currency         TEXT        NOT NULL,
    authorization_id TEXT,
    decline_code     TEXT,
    decline_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- The sandbox provider's own books: one row per idempotency key, so a repeated key never books twice.
CREATE TABLE sandbox_ledger (
    idempotency_key  TEXT        PRIMARY KEY,
    operation        TEXT        NOT NULL CHECK (operation IN ('AUTHORIZE', 'CAPTURE', 'VOID')),
    order_id         TEXT        NOT NULL,
    amount           BIGINT,
    currency         TEXT,
    outcome          TEXT        NOT NULL,
    authorization_id TEXT,
    decline_code     TEXT,
    decline_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX sandbox_ledger_authorization_idx ON sandbox_ledger (authorization_id);
