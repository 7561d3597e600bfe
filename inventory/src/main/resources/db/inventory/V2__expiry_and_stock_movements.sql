-- A HELD reservation expires when nobody commits it in time. Reservations held before this migration get the
-- default time to live (15 minutes) from their last change.
ALTER TABLE reservation ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE reservation SET expires_at = updated_at + INTERVAL '15 minutes' WHERE status = 'HELD';
ALTER TABLE reservation ADD CONSTRAINT reservation_held_expires CHECK (status <> 'HELD' OR expires_at IS NOT NULL);
CREATE INDEX reservation_expiry_idx ON reservation (expires_at) WHERE status = 'HELD';

-- Every change of stock.on_hand, written in the same transaction as the change, so that per SKU and warehouse
-- on_hand = sum(delta). SEED: a new warehouse row; ADJUST: an operator's change (note: the operator's reason);
-- COMMIT: units left for an order; RESTOCK: units of a cancelled order came back.
CREATE TABLE stock_movement (
    id          BIGSERIAL   PRIMARY KEY,
    sku         TEXT        NOT NULL,
    warehouse   TEXT        NOT NULL,
    delta       BIGINT      NOT NULL,
    reason      TEXT        NOT NULL CHECK (reason IN ('SEED', 'ADJUST', 'COMMIT', 'RESTOCK')),
    order_id    TEXT,
    note        TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (sku, warehouse) REFERENCES stock (sku, warehouse)
);

CREATE INDEX stock_movement_stock_idx ON stock_movement (sku, warehouse);
CREATE INDEX stock_movement_order_idx ON stock_movement (order_id) WHERE order_id IS NOT NULL;

-- Stock that existed before movements were recorded starts from one SEED movement of what is on hand.
INSERT INTO stock_movement (sku, warehouse, delta, reason, note, occurred_at)
SELECT sku, warehouse, on_hand, 'SEED', 'on hand when movements began', now() FROM stock;

-- Each stock row beside what its movements and its HELD reservations say it should be, for the invariant checker:
-- on_hand = on_hand_by_movements, reserved = reserved_by_reservations, 0 <= reserved <= on_hand.
CREATE VIEW stock_balance AS
SELECT s.sku, s.warehouse, s.on_hand, s.reserved,
       coalesce(m.moved, 0) AS on_hand_by_movements,
       coalesce(h.held, 0)  AS reserved_by_reservations
FROM stock s
LEFT JOIN (SELECT sku, warehouse, sum(delta) AS moved FROM stock_movement GROUP BY sku, warehouse) m
       USING (sku, warehouse)
LEFT JOIN (SELECT l.sku, l.warehouse, sum(l.quantity) AS held
           FROM reservation_line l JOIN reservation r USING (order_id)
           WHERE r.status = 'HELD' GROUP BY l.sku, l.warehouse) h
       USING (sku, warehouse);
