-- A view on a view, written before the view it reads; a view calling a function of the sales domain.
CREATE VIEW reporting.top_customers AS
SELECT customer_id, lifetime_value
FROM reporting.customer_totals
WHERE lifetime_value > 1000;

CREATE VIEW reporting.customer_totals AS
SELECT o.customer_id, sum(o.amount) AS lifetime_value, count(*) AS orders
FROM sales.orders AS o
GROUP BY o.customer_id;

CREATE OR REPLACE VIEW reporting.orders_with_tax AS
SELECT o.id, o.amount, sales.with_tax(o.amount) AS gross
FROM sales.orders AS o;

CREATE SCHEMA reporting;
