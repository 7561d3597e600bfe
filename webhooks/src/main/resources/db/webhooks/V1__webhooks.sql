-- Receivers operators registered. The secrets sign (HMAC), so they are kept as they are; previous_secret signs too
-- until previous_secret_expires_at, so that a receiver can switch to the new one without missing a delivery.
CREATE TABLE webhook_endpoint (
    endpoint_id                TEXT        PRIMARY KEY,
    url                        TEXT        NOT NULL,
    event_types                TEXT[]      NOT NULL,
    description                TEXT        NOT NULL DEFAULT '',
    status                     TEXT        NOT NULL,
    secret                     TEXT        NOT NULL,
    previous_secret            TEXT,
    previous_secret_expires_at TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ NOT NULL
);

-- One row per event per endpoint, written in the transaction that records the event in the inbox: the unique key
-- makes a redelivered event find its row. delivery_id is the webhook-id of every attempt. A dispatcher holds a row
-- while it sends (lease_until, lease_token); one that died lets it go when the lease ends.
CREATE TABLE webhook_delivery (
    delivery_id     TEXT        PRIMARY KEY,
    endpoint_id     TEXT        NOT NULL REFERENCES webhook_endpoint (endpoint_id),
    message_id      UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    retry_from      INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    lease_token     UUID,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (endpoint_id, message_id)
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC);

-- Every attempt: what the receiver answered (the first 1 KB) or why there was no answer.
CREATE TABLE webhook_attempt (
    delivery_id TEXT        NOT NULL REFERENCES webhook_delivery (delivery_id),
    attempt     INT         NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    status_code INT,
    response    TEXT,
    error       TEXT,
    duration_ms BIGINT      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
