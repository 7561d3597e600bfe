-- Returns of orders (issue 17), from ReturnStatusChanged: each event carries the whole return, so a row is replaced
-- by a newer event's and never by an older one (a redelivery). Lines are rewritten with their return.
CREATE TABLE order_return_view (
    return_id       TEXT PRIMARY KEY,
    order_id        TEXT        NOT NULL,
    customer_id     TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    refund_amount   BIGINT,
    refund_currency TEXT,
    note            TEXT,
    requested_at    TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_return_view_by_order ON order_return_view (order_id, requested_at);

CREATE TABLE order_return_line_view (
    return_id     TEXT   NOT NULL,
    position      INT    NOT NULL,
    sku           TEXT   NOT NULL,
    quantity      INT    NOT NULL,
    unit_amount   BIGINT NOT NULL,
    unit_currency TEXT   NOT NULL,
    restockable   INT    NOT NULL,
    damaged       INT    NOT NULL,
    PRIMARY KEY (return_id, position)
);
