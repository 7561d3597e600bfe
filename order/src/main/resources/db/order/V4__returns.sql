-- Returns of delivered orders (issue 17): one row per return, its lines with the unit price paid, and once the
-- warehouse received the parcel how many units were restockable or damaged; refund_amount once refunded.
CREATE TABLE order_return (
    return_id       UUID PRIMARY KEY,
    order_id        UUID        NOT NULL REFERENCES orders (order_id),
    status          TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'RECEIVED', 'REFUNDED', 'CANCELLED')),
    reason          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL UNIQUE,
    saga_id         TEXT,
    refund_amount   BIGINT,
    currency        TEXT        NOT NULL,
    note            TEXT,
    requested_at    TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_return_by_order ON order_return (order_id);

CREATE TABLE order_return_line (
    return_id   UUID   NOT NULL REFERENCES order_return (return_id),
    sku         TEXT   NOT NULL,
    quantity    INT    NOT NULL CHECK (quantity > 0),
    unit_price  BIGINT NOT NULL,
    restockable INT    NOT NULL DEFAULT 0 CHECK (restockable >= 0),
    damaged     INT    NOT NULL DEFAULT 0 CHECK (damaged >= 0),
    CHECK (restockable + damaged <= quantity),
    PRIMARY KEY (return_id, sku)
);

-- What the warehouse received, per sku and warehouse (restockable units go back where they left from).
CREATE TABLE order_return_unit (
    return_id   UUID NOT NULL REFERENCES order_return (return_id),
    sku         TEXT NOT NULL,
    warehouse   TEXT NOT NULL,
    restockable INT  NOT NULL CHECK (restockable >= 0),
    damaged     INT  NOT NULL CHECK (damaged >= 0),
    PRIMARY KEY (return_id, sku, warehouse)
);
