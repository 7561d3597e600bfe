-- Whose each order is, from OrderPlaced: the order events that trigger emails (OMS_NOTIFY_ORDER_EVENTS) name only
-- the order.
CREATE TABLE notification_order (
    order_id    TEXT        PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    placed_at   TIMESTAMPTZ NOT NULL
);
