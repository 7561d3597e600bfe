-- Messages the relay has published, kept for the retention the service is started with (OMS_OUTBOX_RETENTION; none by
-- default: the relay deletes what the broker acknowledged). A region promoted after losing its broker publishes them
-- again (OMS_PROMOTED), so nothing that was on the lost broker and not yet applied is missing; every consumer skips
-- what its inbox already has. See docs/multi-region.md.
CREATE TABLE outbox_relayed (LIKE outbox);
ALTER TABLE outbox_relayed ADD PRIMARY KEY (id);
ALTER TABLE outbox_relayed ADD COLUMN relayed_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX outbox_relayed_by_time ON outbox_relayed (relayed_at);
