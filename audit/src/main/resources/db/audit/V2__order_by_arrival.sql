-- Reads by order follow the order in which the bus delivered the messages (seq, the append order, which per
-- order is its partition's order), not occurred_at: a transaction's clock reading is taken when it starts, so two
-- messages of one order can carry occurred_at the other way round from the order consumers applied them in.
CREATE INDEX message_by_order_arrival ON message (correlation_id, seq);
