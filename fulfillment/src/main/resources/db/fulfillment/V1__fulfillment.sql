-- One shipment per order and warehouse. next_transition_at: when it moves on by itself (dev auto-advance), else null.
CREATE TABLE shipment (
    shipment_id         TEXT        PRIMARY KEY,
    order_id            TEXT        NOT NULL,
    warehouse           TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('CREATED', 'PICKED', 'PACKED', 'SHIPPED', 'DELIVERED',
                                                               'CANCELLED')),
    ship_to_name        TEXT,
    ship_to_line1       TEXT,
    ship_to_city        TEXT,
    ship_to_postal_code TEXT,
    ship_to_country     TEXT        NOT NULL,
    next_transition_at  TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (order_id, warehouse)
);

CREATE TABLE shipment_line (
    shipment_id TEXT NOT NULL REFERENCES shipment (shipment_id),
    sku         TEXT NOT NULL,
    quantity    INT  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, sku)
);

CREATE INDEX shipment_due_idx ON shipment (next_transition_at) WHERE next_transition_at IS NOT NULL;
