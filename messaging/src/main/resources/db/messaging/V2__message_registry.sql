-- The message schemas this service was built to produce and to consume, registered by every copy on start
-- (type, version, fingerprint of the compiled descriptor). A rolling upgrade leaves one row per version that
-- ran, so `oms doctor` can tell which registered versions some consumer cannot read.
CREATE TABLE message_registry (
    role                TEXT        NOT NULL CHECK (role IN ('produces', 'consumes')),
    party               TEXT        NOT NULL,
    type                TEXT        NOT NULL,
    version             INT         NOT NULL,
    fingerprint         TEXT        NOT NULL,
    descriptor          BYTEA       NOT NULL,
    first_registered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_registered_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (role, party, type, fingerprint)
);
