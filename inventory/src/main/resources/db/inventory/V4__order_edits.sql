-- Order edits before shipping (issue 17): an AdjustOrderStock moves a committed order's units once per operation.
-- APPLIED: its lines are what it moved; UNDONE: its lines were moved back, or it never applied (a tombstone with no
-- lines, written by an undo that came first, so a late AdjustOrderStock of that operation moves nothing).
CREATE TABLE stock_adjustment (
    order_id     TEXT        NOT NULL,
    operation_id TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('APPLIED', 'UNDONE')),
    undo_reason  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, operation_id)
);

-- Units an adjustment moved per SKU and warehouse: positive taken for the order (COMMIT), negative put back on hand
-- (RESTOCK).
CREATE TABLE stock_adjustment_line (
    order_id     TEXT NOT NULL,
    operation_id TEXT NOT NULL,
    sku          TEXT NOT NULL,
    warehouse    TEXT NOT NULL,
    quantity     INT  NOT NULL CHECK (quantity <> 0),
    PRIMARY KEY (order_id, operation_id, sku, warehouse),
    FOREIGN KEY (order_id, operation_id) REFERENCES stock_adjustment (order_id, operation_id),
    FOREIGN KEY (sku, warehouse) REFERENCES stock (sku, warehouse)
);
