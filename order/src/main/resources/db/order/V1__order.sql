CREATE TABLE orders (
    order_id      UUID PRIMARY KEY,
    customer_id   TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    total_amount  BIGINT      NOT NULL,
    currency      TEXT        NOT NULL,
    saga_id       TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, created_at);

CREATE TABLE order_line (
    order_id     UUID   NOT NULL REFERENCES orders (order_id),
    sku          TEXT   NOT NULL,
    quantity     INT    NOT NULL CHECK (quantity > 0),
    unit_price   BIGINT NOT NULL,
    PRIMARY KEY (order_id, sku)
);
