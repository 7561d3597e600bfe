-- Units of one SKU in one warehouse. available = on_hand - reserved, never below zero.
CREATE TABLE stock (
    sku       TEXT   NOT NULL,
    warehouse TEXT   NOT NULL,
    on_hand   BIGINT NOT NULL,
    reserved  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (sku, warehouse),
    CONSTRAINT stock_never_oversold CHECK (reserved >= 0 AND on_hand >= reserved)
);

-- One reservation per order: HELD, then COMMITTED, RELEASED or EXPIRED.
CREATE TABLE reservation (
    order_id   TEXT        PRIMARY KEY,
    status     TEXT        NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE reservation_line (
    order_id  TEXT   NOT NULL REFERENCES reservation (order_id),
    sku       TEXT   NOT NULL,
    warehouse TEXT   NOT NULL,
    quantity  INT    NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku, warehouse)
);

CREATE INDEX reservation_status_idx ON reservation (status, updated_at);
