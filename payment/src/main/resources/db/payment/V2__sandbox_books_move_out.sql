-- The sandbox provider keeps its books in schema payment_provider now (see db/payment_provider), as a real
-- provider's are outside our database. Development ledgers are not carried over.
DROP TABLE sandbox_ledger;
