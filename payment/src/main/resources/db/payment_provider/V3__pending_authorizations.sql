-- Authorizations the card holder confirms later (tokens sandbox_pending...): booked PENDING, decided by the sandbox's
-- console (tests, `oms sandbox decide`), which sends the webhook. A decision may come before the authorization is
-- asked for: it waits in decision, and the authorization is booked with it.
ALTER TABLE ledger DROP CONSTRAINT ledger_outcome_check;
ALTER TABLE ledger ADD CONSTRAINT ledger_outcome_check
    CHECK (outcome IN ('APPROVED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED', 'PENDING'));

CREATE TABLE decision (
    reference        TEXT        PRIMARY KEY,
    outcome          TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED')),
    authorization_id TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL
);
