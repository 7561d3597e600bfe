-- Messages a service emits, written in the same transaction as the state change that caused them.
CREATE TABLE outbox (
    id             BIGSERIAL PRIMARY KEY,
    topic          TEXT        NOT NULL,
    msg_key        TEXT        NOT NULL,
    message_id     UUID        NOT NULL UNIQUE,
    type           TEXT        NOT NULL,
    schema_version INT         NOT NULL,
    correlation_id TEXT        NOT NULL,
    causation_id   UUID,
    saga_id        TEXT,
    occurred_at    TIMESTAMPTZ NOT NULL,
    traceparent    TEXT,
    producer       TEXT        NOT NULL,
    payload        BYTEA       NOT NULL
);

-- One row per message a consumer has applied: a redelivery finds its row and is skipped.
CREATE TABLE inbox (
    consumer     TEXT        NOT NULL,
    message_id   UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

-- Messages a consumer could not apply after its retry budget: parked, never lost.
CREATE TABLE dead_letter (
    consumer    TEXT        NOT NULL,
    message_id  UUID        NOT NULL,
    topic       TEXT        NOT NULL,
    type        TEXT,
    error       TEXT        NOT NULL,
    headers     TEXT        NOT NULL,
    payload     BYTEA,
    parked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
