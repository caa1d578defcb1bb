CREATE TABLE sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE VIEW sales_by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE MATERIALIZED VIEW sales_summary AS SELECT count(*) AS n FROM sales;
CREATE VIEW top_regions AS SELECT region FROM sales_by_region WHERE total > 100;
