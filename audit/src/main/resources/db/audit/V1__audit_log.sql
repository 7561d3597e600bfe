-- Every message that crossed the bus, as it was sent: envelope columns, the payload as JSON for people and as
-- bytes for replay. Append-only: the writer role may INSERT and SELECT, nothing else. Partitioned by month of
-- occurred_at, so retention is a partition drop; the key includes occurred_at because a partitioned table's
-- unique keys must, and a redelivery carries the same envelope, so it still finds its row.
CREATE TABLE message (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    message_id      UUID        NOT NULL,
    type            TEXT        NOT NULL,
    schema_version  INT,
    correlation_id  TEXT,
    causation_id    UUID,
    saga_id         TEXT,
    producer        TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    trace_id        TEXT,
    traceparent     TEXT,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload         JSONB,
    payload_bytes   BYTEA       NOT NULL,
    PRIMARY KEY (message_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE message_default PARTITION OF message DEFAULT;

CREATE INDEX message_by_order ON message (correlation_id, occurred_at, seq);
CREATE INDEX message_by_saga ON message (saga_id, occurred_at, seq) WHERE saga_id IS NOT NULL;
CREATE INDEX message_by_type ON message (type, occurred_at, seq);
CREATE INDEX message_by_time ON message (occurred_at, seq);

-- Creates the month's partition if missing; run by the owner ahead of time (the current and next month).
CREATE FUNCTION ensure_month_partition(month_start DATE) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    first_day DATE := date_trunc('month', month_start)::date;
    name TEXT := format('message_%s', to_char(first_day, 'YYYY_MM'));
BEGIN
    IF to_regclass(format('%I.%I', current_schema(), name)) IS NULL THEN
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.message FOR VALUES FROM (%L) TO (%L)',
                       current_schema(), name, current_schema(), first_day, (first_day + INTERVAL '1 month')::date);
    END IF;
END $$;

-- The writer's login role: roles are per cluster, so another database may have made it already.
DO $$
BEGIN
    CREATE ROLE oms_audit LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO oms_audit;
GRANT SELECT, INSERT ON message TO oms_audit;
