-- Where a blue/green release of this service stands: the share of the service's partitions its green copies
-- consume (the rest go to blue), and a version every change bumps. Blue and green copies share this schema (their
-- migrations must work for both), so they share the inbox too: a message the handover hands to the other colour
-- is applied once. Written by `oms release`, read by every copy's consumers (docs/multi-region.md, blue/green).
CREATE TABLE release_route (
    id            SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    green_percent INT NOT NULL CHECK (green_percent BETWEEN 0 AND 100),
    version       BIGINT NOT NULL,
    state         TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    changed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
