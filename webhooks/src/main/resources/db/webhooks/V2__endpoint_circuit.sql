-- An endpoint's circuit (EndpointHealth): failed attempts in a row, and while it is open, when one delivery may probe
-- it next. A delivery's give-up time counts from due_from (its creation, or the operator's redelivery), so that
-- deliveries left untried while their endpoint was down still end FAILED once their schedule would have.
ALTER TABLE webhook_endpoint ADD COLUMN failures INT NOT NULL DEFAULT 0;
ALTER TABLE webhook_endpoint ADD COLUMN probe_at TIMESTAMPTZ;

ALTER TABLE webhook_delivery ADD COLUMN due_from TIMESTAMPTZ;
UPDATE webhook_delivery SET due_from = created_at;
ALTER TABLE webhook_delivery ALTER COLUMN due_from SET NOT NULL;

-- The gauge of given-up deliveries (oms_webhook_deliveries{status="failed"}) counts through this.
CREATE INDEX webhook_delivery_failed_idx ON webhook_delivery (endpoint_id) WHERE status = 'FAILED';
