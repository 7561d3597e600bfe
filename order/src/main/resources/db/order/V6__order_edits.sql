-- Order edits before shipping (issue 17): one row per edit, REQUESTED while its ReviseOrder saga runs, then APPLIED or
-- FAILED (failure: why it was undone). At most one edit of an order runs at a time.
CREATE TABLE order_edit (
    edit_id         UUID PRIMARY KEY,
    order_id        UUID        NOT NULL REFERENCES orders (order_id),
    status          TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'APPLIED', 'FAILED')),
    idempotency_key TEXT        NOT NULL UNIQUE,
    saga_id         TEXT,
    previous_total  BIGINT      NOT NULL,
    new_total       BIGINT      NOT NULL,
    currency        TEXT        NOT NULL,
    failure         TEXT,
    requested_at    TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_edit_by_order ON order_edit (order_id);
CREATE UNIQUE INDEX order_edit_one_running ON order_edit (order_id) WHERE status = 'REQUESTED';

-- The catalog's current prices (from ProductListed): what a sku an edit adds to an order is charged.
CREATE TABLE catalog_price (
    sku       TEXT PRIMARY KEY,
    amount    BIGINT      NOT NULL CHECK (amount >= 0),
    currency  TEXT        NOT NULL,
    listed_at TIMESTAMPTZ NOT NULL
);
