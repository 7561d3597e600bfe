-- A compensation asked for while the pivot is in flight waits here for the pivot's definite answer.
ALTER TABLE saga_instance ADD COLUMN compensation_request TEXT;
-- Why the saga compensates, as a type (STEP_FAILED, STEP_TIMED_OUT, REQUESTED); failure keeps the words.
ALTER TABLE saga_instance ADD COLUMN failure_kind TEXT;
