-- Partial fulfillment (issue 17): units of a line cancelled with the unshipped rest of a partly shipped order; they
-- were refunded at the price paid and can no longer be returned.
ALTER TABLE order_line ADD COLUMN cancelled_quantity INT NOT NULL DEFAULT 0;
ALTER TABLE order_line ADD CONSTRAINT order_line_cancelled_within CHECK (cancelled_quantity BETWEEN 0 AND quantity);
