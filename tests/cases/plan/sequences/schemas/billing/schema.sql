-- Billing.
CREATE SCHEMA billing;
