-- A cancellation that waited for the shipment's answer and could not be done (the parcel had left): why.
ALTER TABLE order_cancellation ADD COLUMN refusal TEXT;
