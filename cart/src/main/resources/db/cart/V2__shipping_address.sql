-- The address a cart ships to, set before checkout (checkout may still give one of its own).
ALTER TABLE cart ADD COLUMN ship_name TEXT;
ALTER TABLE cart ADD COLUMN ship_line1 TEXT;
ALTER TABLE cart ADD COLUMN ship_city TEXT;
ALTER TABLE cart ADD COLUMN ship_postal_code TEXT;
ALTER TABLE cart ADD COLUMN ship_country TEXT;
