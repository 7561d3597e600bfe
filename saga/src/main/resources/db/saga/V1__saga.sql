-- One row per saga instance; version is its optimistic lock.
CREATE TABLE saga_instance (
    saga_id        TEXT PRIMARY KEY,
    saga_type      TEXT        NOT NULL,
    correlation_id TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    current_step   INT         NOT NULL,
    version        BIGINT      NOT NULL,
    data           BYTEA       NOT NULL,
    failure        TEXT,
    started_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ
);
CREATE INDEX saga_instance_correlation ON saga_instance (correlation_id);
CREATE INDEX saga_instance_status ON saga_instance (status, updated_at);

-- The step log: one row per step of each instance.
CREATE TABLE saga_step (
    saga_id    TEXT        NOT NULL REFERENCES saga_instance (saga_id),
    step_index INT         NOT NULL,
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    attempts   INT         NOT NULL DEFAULT 0,
    started_at TIMESTAMPTZ,
    ended_at   TIMESTAMPTZ,
    error      TEXT,
    PRIMARY KEY (saga_id, step_index)
);
