-- What operators and clients read beyond one order: order lists, milestones for the business metrics, saga
-- lists with step times, and every event of an order for its timeline.

-- The first time an order reached each milestone, whatever it moved on to later. Rows from before this
-- migration get the status time of the milestone they show, which is all that is known of them.
ALTER TABLE order_view
    ADD COLUMN confirmed_at TIMESTAMPTZ,
    ADD COLUMN rejected_at  TIMESTAMPTZ,
    ADD COLUMN delivered_at TIMESTAMPTZ;
UPDATE order_view SET confirmed_at = status_at WHERE status IN ('CONFIRMED', 'FULFILLING', 'SHIPPED', 'DELIVERED');
UPDATE order_view SET rejected_at = status_at WHERE status = 'REJECTED';
UPDATE order_view SET delivered_at = status_at WHERE status = 'DELIVERED';

CREATE INDEX order_view_by_placed ON order_view (placed_at DESC, order_id DESC) WHERE placed_at IS NOT NULL;
CREATE INDEX order_view_by_customer ON order_view (customer_id, placed_at DESC, order_id DESC)
    WHERE placed_at IS NOT NULL;
CREATE INDEX order_view_by_status ON order_view (status, placed_at DESC, order_id DESC) WHERE placed_at IS NOT NULL;

-- started_at: the time of the first snapshot seen; it never changes, so lists page by it.
ALTER TABLE order_saga_view ADD COLUMN started_at TIMESTAMPTZ;
UPDATE order_saga_view SET started_at = updated_at;
ALTER TABLE order_saga_view ALTER COLUMN started_at SET NOT NULL;
CREATE INDEX order_saga_view_by_start ON order_saga_view (started_at DESC, saga_id DESC);
CREATE INDEX order_saga_view_by_status ON order_saga_view (status, started_at DESC, saga_id DESC);

-- Snapshots carry no step times: a step started with the first snapshot that showed it out of PENDING and
-- ended with the one that showed its current final status.
ALTER TABLE order_saga_step_view
    ADD COLUMN started_at TIMESTAMPTZ,
    ADD COLUMN ended_at   TIMESTAMPTZ;

-- Every event of every order, as its envelope described it; a redelivery is the same message id.
CREATE TABLE order_event (
    message_id   UUID PRIMARY KEY,
    order_id     TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    causation_id UUID,
    producer     TEXT        NOT NULL,
    saga_id      TEXT,
    recorded     BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX order_event_by_order ON order_event (order_id, occurred_at, recorded);
