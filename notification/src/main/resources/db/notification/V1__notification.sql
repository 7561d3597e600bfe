-- One row per notification sent; the dedup key makes a retried command find it instead of sending again.
CREATE TABLE notification (
    notification_id TEXT        PRIMARY KEY,
    dedup_key       TEXT        NOT NULL UNIQUE,
    order_id        TEXT        NOT NULL,
    customer_id     TEXT,
    channel         TEXT        NOT NULL,
    template        TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    params          JSONB       NOT NULL DEFAULT '{}',
    sent_at         TIMESTAMPTZ NOT NULL
);

CREATE INDEX notification_order_idx ON notification (order_id);
