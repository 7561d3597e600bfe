-- The sandbox payment provider's books, in a schema of its own: a real provider is outside our database.

-- Every operation the sandbox accepted, one row per idempotency key, so a repeated key never books twice. Only
-- accepted operations are here: a refused capture or a failed attempt is in attempt, not in ledger.
--   AUTHORIZE: outcome APPROVED (authorization_id set) or DECLINED; payment_token says how the sandbox behaves
--   CAPTURE:   outcome CAPTURED, amount taken;  REFUND: outcome REFUNDED, amount given back
--   VOID:      outcome VOIDED, amount released
CREATE TABLE ledger (
    idempotency_key  TEXT        PRIMARY KEY,
    operation        TEXT        NOT NULL CHECK (operation IN ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
    order_id         TEXT        NOT NULL,
    amount           BIGINT,
    currency         TEXT,
    outcome          TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    authorization_id TEXT,
    payment_token    TEXT,
    decline_code     TEXT,
    decline_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX ledger_order_idx ON ledger (order_id);
CREATE INDEX ledger_authorization_idx ON ledger (authorization_id);
-- An authorization is captured, voided and refunded at most once, whatever the idempotency key.
CREATE UNIQUE INDEX ledger_once_per_authorization ON ledger (authorization_id, operation) WHERE operation <> 'AUTHORIZE';

-- Every call the sandbox received, with what it did: the outcomes above, or FAILED (a retryable error),
-- UNANSWERED (no answer given), REFUSED (a capture refused for now), NOTHING_HELD (a void with nothing to release).
CREATE TABLE attempt (
    id              BIGSERIAL   PRIMARY KEY,
    idempotency_key TEXT        NOT NULL,
    operation       TEXT        NOT NULL,
    order_id        TEXT        NOT NULL,
    outcome         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX attempt_key_idx ON attempt (idempotency_key, operation);

-- Money per order as the provider sees it, for the invariant checker: successful captures and refunds.
CREATE VIEW money_by_order AS
SELECT order_id,
       count(*) FILTER (WHERE operation = 'CAPTURE')                AS captures,
       coalesce(sum(amount) FILTER (WHERE operation = 'CAPTURE'), 0) AS captured_amount,
       count(*) FILTER (WHERE operation = 'REFUND')                 AS refunds,
       coalesce(sum(amount) FILTER (WHERE operation = 'REFUND'), 0)  AS refunded_amount,
       count(*) FILTER (WHERE operation = 'VOID')                   AS voids
FROM ledger
GROUP BY order_id;
