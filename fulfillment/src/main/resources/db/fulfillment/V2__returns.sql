-- Returns the warehouse expects (issue 17): one row per return, the saga that waits for its receipt, and per sku
-- the units expected and, once an operator received the parcel, how many were restockable or damaged and where.
CREATE TABLE return_receipt (
    return_id   TEXT        PRIMARY KEY,
    order_id    TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('EXPECTED', 'RECEIVED', 'CANCELLED')),
    saga_id     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX return_receipt_order_idx ON return_receipt (order_id);

CREATE TABLE return_receipt_line (
    return_id   TEXT NOT NULL REFERENCES return_receipt (return_id),
    sku         TEXT NOT NULL,
    expected    INT  NOT NULL CHECK (expected > 0),
    PRIMARY KEY (return_id, sku)
);

CREATE TABLE return_receipt_unit (
    return_id   TEXT NOT NULL REFERENCES return_receipt (return_id),
    sku         TEXT NOT NULL,
    warehouse   TEXT NOT NULL,
    restockable INT  NOT NULL CHECK (restockable >= 0),
    damaged     INT  NOT NULL CHECK (damaged >= 0),
    PRIMARY KEY (return_id, sku, warehouse)
);
