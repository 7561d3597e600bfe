-- Partial fulfillment (issue 17): a shipment may be split (units shipped now leave as a shipment of their own,
-- split_from the original, which keeps the rest), held by an operator (it does not move on while held_reason is set),
-- and what has not left may be cancelled by an operation (cancel_operation names it, so a repeat finds its units).
ALTER TABLE shipment DROP CONSTRAINT shipment_order_id_warehouse_key;
ALTER TABLE shipment ADD COLUMN split_from TEXT, ADD COLUMN held_reason TEXT, ADD COLUMN cancel_operation TEXT;
CREATE UNIQUE INDEX shipment_one_per_warehouse ON shipment (order_id, warehouse) WHERE split_from IS NULL;
