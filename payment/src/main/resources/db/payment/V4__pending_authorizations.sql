-- Authorizations the provider confirms later by webhook (issue 17): the reference its webhook names the payment by,
-- and the saga that waits for the answer; every webhook received, once per webhook id, kept until a payment takes it
-- (it may arrive before the saga asks for the authorization).
ALTER TABLE payment ADD COLUMN provider_reference TEXT, ADD COLUMN saga_id TEXT;
CREATE INDEX payment_provider_reference_idx ON payment (provider_reference) WHERE provider_reference IS NOT NULL;

CREATE TABLE provider_webhook (
    webhook_id       TEXT        PRIMARY KEY,
    reference        TEXT        NOT NULL,
    type             TEXT        NOT NULL,
    authorization_id TEXT,
    decline_code     TEXT,
    decline_reason   TEXT,
    received_at      TIMESTAMPTZ NOT NULL,
    applied_at       TIMESTAMPTZ,
    outcome          TEXT
);
CREATE INDEX provider_webhook_unapplied_idx ON provider_webhook (reference) WHERE applied_at IS NULL;
