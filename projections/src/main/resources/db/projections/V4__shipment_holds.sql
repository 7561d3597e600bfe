-- Holds on the read side (issue 17): why an operator holds a shipment (null once released), and when the hold last
-- changed, so a redelivered older ShipmentHoldChanged never undoes a newer one.
ALTER TABLE order_shipment_view ADD COLUMN hold_reason TEXT, ADD COLUMN hold_at TIMESTAMPTZ;
