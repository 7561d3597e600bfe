-- Order edits (issue 17): each ReviseShipment operation is applied once; a repeat answers the recorded outcome
-- (REVISED: the shipments as they are then; REFUSED: the same reason) and changes nothing.
CREATE TABLE shipment_revision (
    order_id     TEXT        NOT NULL,
    operation_id TEXT        NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('REVISED', 'REFUSED')),
    reason       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, operation_id),
    CHECK ((outcome = 'REFUSED') = (reason IS NOT NULL))
);

-- An edit may empty a warehouse's shipment (cancelled) and a later one add units there again (a new shipment): one
-- open shipment per order and warehouse, cancelled ones aside.
DROP INDEX shipment_one_per_warehouse;
CREATE UNIQUE INDEX shipment_one_open_per_warehouse ON shipment (order_id, warehouse)
    WHERE split_from IS NULL AND status <> 'CANCELLED';
