-- The send intent of each notification, committed on its own before the channel is called: a redelivery after a crash
-- or a rolled-back transaction finds it and does not send again (docs/email.md: the delivery guarantee).
-- SENDING: handed to the channel, outcome not recorded yet; SENT: the channel accepted it; FAILED: the channel refused
-- it (sent again on the next delivery); UNCONFIRMED: a redelivery found SENDING, so a crash hit between the send and
-- its record: not sent again, the operator may check the mail server's log for the message id.
CREATE TABLE notification_delivery (
    dedup_key        TEXT        PRIMARY KEY,
    notification_id  TEXT        NOT NULL,
    message_key      TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED', 'UNCONFIRMED')),
    attempts         INT         NOT NULL,
    first_attempt_at TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT
);

CREATE INDEX notification_delivery_open_idx ON notification_delivery (status) WHERE status <> 'SENT';
