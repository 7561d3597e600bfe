-- Partial refunds (issue 17): an authorization may be refunded several times, each under its own idempotency key,
-- never beyond what was captured (the sandbox checks under a lock on the authorization). Captures and voids stay
-- once per authorization.
DROP INDEX ledger_once_per_authorization;
CREATE UNIQUE INDEX ledger_once_per_authorization ON ledger (authorization_id, operation)
    WHERE operation IN ('CAPTURE', 'VOID');
