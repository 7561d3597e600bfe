-- The one thing a saga waits for has a due time: a step's timeout or the end of a retry backoff.
-- Timers are these rows, fired with FOR UPDATE SKIP LOCKED so that any copy of the service may fire them.
ALTER TABLE saga_instance ADD COLUMN deadline TIMESTAMPTZ;
ALTER TABLE saga_instance ADD COLUMN deadline_kind TEXT;
ALTER TABLE saga_instance ADD COLUMN wait_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE saga_instance ADD COLUMN alert TEXT;
CREATE INDEX saga_instance_deadline ON saga_instance (deadline) WHERE deadline IS NOT NULL;
