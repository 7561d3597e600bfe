-- One row per order whose cancellation was requested; the idempotency key finds an earlier answer.
CREATE TABLE order_cancellation (
    order_id        UUID PRIMARY KEY REFERENCES orders (order_id),
    idempotency_key TEXT        NOT NULL UNIQUE,
    saga_id         TEXT,
    reason          TEXT,
    requested_at    TIMESTAMPTZ NOT NULL
);
