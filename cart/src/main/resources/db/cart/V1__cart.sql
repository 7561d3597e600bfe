CREATE TABLE product (
    sku          TEXT PRIMARY KEY,
    name         TEXT   NOT NULL,
    price_amount BIGINT NOT NULL CHECK (price_amount >= 0),
    currency     TEXT   NOT NULL
);

CREATE TABLE cart (
    cart_id     UUID PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    currency    TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE cart_line (
    cart_id  UUID NOT NULL REFERENCES cart (cart_id),
    sku      TEXT NOT NULL REFERENCES product (sku),
    quantity INT  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (cart_id, sku)
);

-- One row per checkout: the idempotency key finds the order a repeated request already placed.
CREATE TABLE checkout (
    idempotency_key TEXT PRIMARY KEY,
    cart_id         UUID        NOT NULL UNIQUE REFERENCES cart (cart_id),
    order_id        UUID        NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL
);
