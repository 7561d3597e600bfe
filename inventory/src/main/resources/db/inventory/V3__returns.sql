-- Returned units back on hand (issue 17): movement reason RETURN, and one row per return restocked, so a return's
-- units come back once however often RestockReturn is sent.
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_reason_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_reason_check
    CHECK (reason IN ('SEED', 'ADJUST', 'COMMIT', 'RESTOCK', 'RETURN'));

CREATE TABLE return_restock (
    return_id    TEXT        PRIMARY KEY,
    order_id     TEXT        NOT NULL,
    units        INT         NOT NULL CHECK (units >= 0),
    restocked_at TIMESTAMPTZ NOT NULL
);
