-- Read models for the BFF, kept from the event stream. Every row is keyed by the ids the events carry, so
-- applying an event twice leaves them as they were. Rows may be created by whichever event of an order
-- arrives first; an order is visible once its OrderPlaced has filled placed_at.

CREATE TABLE order_view (
    order_id          TEXT PRIMARY KEY,
    customer_id       TEXT,
    status            TEXT,
    status_at         TIMESTAMPTZ,
    total_amount      BIGINT,
    total_currency    TEXT,
    payment_status    TEXT,
    payment_status_at TIMESTAMPTZ,
    placed_at         TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE order_line_view (
    order_id      TEXT   NOT NULL,
    position      INT    NOT NULL,
    sku           TEXT   NOT NULL,
    quantity      INT    NOT NULL,
    unit_amount   BIGINT NOT NULL,
    unit_currency TEXT   NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- One row per saga (an order may see more than one, e.g. a later cancellation); the order shows the latest.
CREATE TABLE order_saga_view (
    saga_id    TEXT PRIMARY KEY,
    order_id   TEXT        NOT NULL,
    saga_type  TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_saga_view_by_order ON order_saga_view (order_id, updated_at DESC);

CREATE TABLE order_saga_step_view (
    saga_id  TEXT NOT NULL,
    position INT  NOT NULL,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    status   TEXT NOT NULL,
    attempts INT  NOT NULL,
    error    TEXT,
    PRIMARY KEY (saga_id, position)
);

CREATE TABLE order_shipment_view (
    shipment_id TEXT PRIMARY KEY,
    order_id    TEXT        NOT NULL,
    position    INT         NOT NULL,
    warehouse   TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    status_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_shipment_view_by_order ON order_shipment_view (order_id);

CREATE TABLE order_notification_view (
    notification_id TEXT PRIMARY KEY,
    order_id        TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    template        TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_notification_view_by_order ON order_notification_view (order_id);

-- available is the sum of stock_view.available over the product's warehouses.
CREATE TABLE product_view (
    sku            TEXT PRIMARY KEY,
    name           TEXT   NOT NULL,
    price_amount   BIGINT NOT NULL,
    price_currency TEXT   NOT NULL,
    available      BIGINT NOT NULL
);

-- Kept even for a sku not listed yet, so the product's availability is right the moment it is listed.
CREATE TABLE stock_view (
    sku        TEXT        NOT NULL,
    warehouse  TEXT        NOT NULL,
    on_hand    BIGINT      NOT NULL,
    reserved   BIGINT      NOT NULL,
    available  BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sku, warehouse)
);
