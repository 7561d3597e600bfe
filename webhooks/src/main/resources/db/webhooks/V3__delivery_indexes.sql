-- Ended deliveries (DELIVERED, FAILED) are removed with their attempts once last due (created, or redelivered)
-- longer ago than the retention (OMS_WEBHOOK_RETENTION, 30 days by default), oldest first, through this index.
CREATE INDEX webhook_delivery_ended_idx ON webhook_delivery (due_from) WHERE status <> 'PENDING';

-- The deliveries out to their receivers (claimed, answer not yet recorded): each claim counts them per endpoint.
CREATE INDEX webhook_delivery_out_idx ON webhook_delivery (lease_until) WHERE lease_until IS NOT NULL;
